package org.yingzhi.metadata;

import java.util.List;

/**
 * Technical and descriptive metadata of a still image, in Yingzhi's own vocabulary: what each block (EXIF, GPS,
 * IPTC, XMP) says, and {@link Mwg} the values reconciled across them as the Metadata Working Group guidelines
 * (and exiftool's MWG composite tags) choose.
 */
public record PhotoMetadata(Integer width, Integer height, Exif exif, Gps gps, Iptc iptc, Xmp xmp, Mwg mwg,
        List<String> warnings) {

    /**
     * Camera EXIF. {@code dateTimeOriginal} is ISO-8601 local time (seconds always written) with the offset
     * appended when the camera recorded one (OffsetTimeOriginal); {@code capturedAt} is the instant, only when the
     * offset is known. Dates are read from every EXIF sub-directory (RAW files keep them in a second one).
     */
    public record Exif(String make, String model, String lens, String dateTimeOriginal, String offsetTimeOriginal,
            String capturedAt, Double exposureTime, String exposure, Double fNumber, Integer iso, Double focalLength,
            Integer orientation, String artist, String copyright, String imageDescription) {
    }

    /** Decimal degrees (south and west negative) and metres above sea level. */
    public record Gps(double latitude, double longitude, Double altitude) {
    }

    /** IPTC-IIM; {@code dateCreated} is DateCreated with TimeCreated (and its offset) when present. */
    public record Iptc(String caption, List<String> keywords, String byline, String city, String province,
            String country, String headline, String objectName, List<String> bylines, String copyrightNotice,
            String dateCreated) {
    }

    /**
     * XMP: dc:title, dc:description, dc:creator (the first, and all), dc:rights, dc:subject, photoshop:DateCreated,
     * and the city (Iptc4xmpExt LocationShown's first City, else photoshop:City).
     */
    public record Xmp(String title, String description, String creator, List<String> creators, String rights,
            List<String> subject, String dateCreated, String city) {
    }

    /**
     * The reconciled values, read as exiftool's MWG composite tags read them: description, creators, rights,
     * keywords, city and capture date from EXIF when it has them (not city), else XMP, else IPTC; but IPTC before XMP
     * when the file's stored IPTC digest (Photoshop resource 0x0425) no longer matches its IPTC block, since a tool
     * that edited IPTC alone left XMP stale. Title (no MWG tag): XMP dc:title, else IPTC ObjectName.
     */
    public record Mwg(String title, String description, List<String> creators, String rights, List<String> keywords,
            String dateTimeOriginal, String dateSource, String city) {
    }
}
