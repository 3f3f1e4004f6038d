package org.yingzhi.metadata;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads EXIF, GPS, IPTC and XMP through metadata-extractor. A bad tag never fails the photo: whatever could be
 * read is returned and every problem becomes a warning.
 */
@Component
public class PhotoMetadataReader {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    /** Throws {@link IOException} only when the file cannot be read as an image at all. */
    public PhotoMetadata read(Path file) throws IOException {
        Metadata md;
        try {
            md = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException e) {
            throw new IOException("not a readable image: " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        for (Directory d : md.getDirectories()) {
            for (String err : d.getErrors()) {
                warnings.add(d.getName() + ": " + err);
            }
        }
        return new PhotoMetadata(width(md), height(md), exif(md, warnings), gps(md, warnings), iptc(md), xmp(md, warnings),
                warnings);
    }

    private static Integer width(Metadata md) {
        return dimension(md, JpegDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_WIDTH,
                ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH, ExifDirectoryBase.TAG_IMAGE_WIDTH);
    }

    private static Integer height(Metadata md) {
        return dimension(md, JpegDirectory.TAG_IMAGE_HEIGHT, PngDirectory.TAG_IMAGE_HEIGHT,
                ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT, ExifDirectoryBase.TAG_IMAGE_HEIGHT);
    }

    /** The coded image size (JPEG SOF, PNG IHDR) is the truth; EXIF's copy is the fallback for other formats. */
    private static Integer dimension(Metadata md, int jpegTag, int pngTag, int... exifTags) {
        JpegDirectory jpeg = md.getFirstDirectoryOfType(JpegDirectory.class);
        if (jpeg != null && jpeg.getInteger(jpegTag) != null) {
            return jpeg.getInteger(jpegTag);
        }
        PngDirectory png = md.getFirstDirectoryOfType(PngDirectory.class);
        if (png != null && png.getInteger(pngTag) != null) {
            return png.getInteger(pngTag);
        }
        return firstInteger(md, exifTags);
    }

    private static Integer firstInteger(Metadata md, int... tags) {
        for (Class<? extends Directory> type : List.of(ExifSubIFDDirectory.class, ExifIFD0Directory.class)) {
            Directory d = md.getFirstDirectoryOfType(type);
            if (d == null) {
                continue;
            }
            for (int tag : tags) {
                Integer v = d.getInteger(tag);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static PhotoMetadata.Exif exif(Metadata md, List<String> warnings) {
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (ifd0 == null && sub == null) {
            return null;
        }
        String make = text(ifd0, ExifDirectoryBase.TAG_MAKE);
        String model = text(ifd0, ExifDirectoryBase.TAG_MODEL);
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        String lens = text(sub, ExifDirectoryBase.TAG_LENS_MODEL);
        String rawDate = text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        String offset = text(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
        String dateTimeOriginal = null;
        String capturedAt = null;
        if (rawDate != null) {
            try {
                LocalDateTime local = LocalDateTime.parse(rawDate.trim(), EXIF_DATE);
                dateTimeOriginal = local.toString();
                if (offset != null) {
                    ZoneOffset zo = ZoneOffset.of(offset.trim());
                    dateTimeOriginal = local.atOffset(zo).toString();
                    capturedAt = local.atOffset(zo).toInstant().toString();
                }
            } catch (DateTimeParseException e) {
                warnings.add("EXIF DateTimeOriginal '" + rawDate + "' is not a date");
            } catch (java.time.DateTimeException e) {
                warnings.add("EXIF OffsetTimeOriginal '" + offset + "' is not an offset");
            }
        }
        Rational exposure = sub == null ? null : sub.getRational(ExifDirectoryBase.TAG_EXPOSURE_TIME);
        Double exposureTime = exposure == null ? null : exposure.doubleValue();
        String exposureLabel = exposure == null ? null : exposureLabel(exposure);
        Double fNumber = sub == null ? null : sub.getDoubleObject(ExifDirectoryBase.TAG_FNUMBER);
        Integer iso = sub == null ? null : sub.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT);
        Double focal = sub == null ? null : sub.getDoubleObject(ExifDirectoryBase.TAG_FOCAL_LENGTH);
        return new PhotoMetadata.Exif(make, model, lens, dateTimeOriginal, offset == null ? null : offset.trim(),
                capturedAt, exposureTime, exposureLabel, fNumber, iso, focal, orientation);
    }

    private static String exposureLabel(Rational r) {
        if (r.getNumerator() == 0) {
            return "0";
        }
        double v = r.doubleValue();
        if (v < 1) {
            return "1/" + Math.round(1 / v);
        }
        return (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
    }

    private static PhotoMetadata.Gps gps(Metadata md, List<String> warnings) {
        GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps == null) {
            return null;
        }
        GeoLocation loc = gps.getGeoLocation();
        if (loc == null || loc.isZero()) {
            if (gps.containsTag(GpsDirectory.TAG_LATITUDE)) {
                warnings.add("GPS position present but unreadable");
            }
            return null;
        }
        Double alt = null;
        Rational a = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (a != null) {
            alt = a.doubleValue();
            Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
            if (ref != null && ref == 1) {
                alt = -alt;
            }
        }
        return new PhotoMetadata.Gps(round(loc.getLatitude(), 7), round(loc.getLongitude(), 7), alt);
    }

    private static PhotoMetadata.Iptc iptc(Metadata md) {
        IptcDirectory d = md.getFirstDirectoryOfType(IptcDirectory.class);
        if (d == null) {
            return null;
        }
        String[] kw = d.getStringArray(IptcDirectory.TAG_KEYWORDS);
        return new PhotoMetadata.Iptc(text(d, IptcDirectory.TAG_CAPTION), kw == null ? List.of() : Arrays.asList(kw),
                text(d, IptcDirectory.TAG_BY_LINE), text(d, IptcDirectory.TAG_CITY),
                text(d, IptcDirectory.TAG_PROVINCE_OR_STATE), text(d, IptcDirectory.TAG_COUNTRY_OR_PRIMARY_LOCATION_NAME),
                text(d, IptcDirectory.TAG_HEADLINE), text(d, IptcDirectory.TAG_OBJECT_NAME));
    }

    private static PhotoMetadata.Xmp xmp(Metadata md, List<String> warnings) {
        XmpDirectory d = md.getFirstDirectoryOfType(XmpDirectory.class);
        if (d == null || d.getXMPMeta() == null) {
            return null;
        }
        XMPMeta meta = d.getXMPMeta();
        try {
            String title = localized(meta, "title");
            String description = localized(meta, "description");
            String creator = null;
            XMPProperty c = meta.getArrayItem(XMPConst.NS_DC, "creator", 1);
            if (c != null) {
                creator = c.getValue();
            }
            if (title == null && description == null && creator == null) {
                return null;
            }
            return new PhotoMetadata.Xmp(title, description, creator);
        } catch (XMPException e) {
            warnings.add("XMP: " + e.getMessage());
            return null;
        }
    }

    private static String localized(XMPMeta meta, String prop) throws XMPException {
        XMPProperty p = meta.getLocalizedText(XMPConst.NS_DC, prop, null, XMPConst.X_DEFAULT);
        return p == null ? null : p.getValue();
    }

    private static String text(Directory d, int tag) {
        if (d == null) {
            return null;
        }
        String s = d.getString(tag);
        if (s == null) {
            return null;
        }
        s = s.replace("\u0000", "").trim();
        return s.isEmpty() ? null : s;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
