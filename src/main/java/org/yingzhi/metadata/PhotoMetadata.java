package org.yingzhi.metadata;

import java.util.List;

/** AssetDescription and technical metadata of a still image, in Yingzhi's own vocabulary. */
public record PhotoMetadata(Integer width, Integer height, Exif exif, Gps gps, Iptc iptc, Xmp xmp,
        List<String> warnings) {

    /**
     * Camera EXIF. {@code dateTimeOriginal} is ISO-8601 local time with the offset appended when the camera
     * recorded one (OffsetTimeOriginal); {@code capturedAt} is the instant, only when the offset is known.
     */
    public record Exif(String make, String model, String lens, String dateTimeOriginal, String offsetTimeOriginal,
            String capturedAt, Double exposureTime, String exposure, Double fNumber, Integer iso, Double focalLength,
            Integer orientation) {
    }

    /** Decimal degrees (south and west negative) and metres above sea level. */
    public record Gps(double latitude, double longitude, Double altitude) {
    }

    public record Iptc(String caption, List<String> keywords, String byline, String city, String province,
            String country, String headline, String objectName) {
    }

    public record Xmp(String title, String description, String creator) {
    }
}
