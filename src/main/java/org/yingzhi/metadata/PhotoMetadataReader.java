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
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** Throws {@link IOException} only when the file cannot be read as an image at all. */
    public PhotoMetadata read(Path file) throws IOException {
        Metadata md;
        byte[] head = head(file); // what the format checks below look at, read once
        boolean cr3 = Cr3Metadata.isCr3(head);
        boolean pmp = SonyPmp.is(head);
        String other = ExiftoolMetadata.format(head);
        List<String> warnings = new ArrayList<>();
        try {
            md = pmp || other != null ? new Metadata() : ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException e) {
            if (!cr3) {
                throw new IOException("not a readable image: " + e.getMessage(), e);
            }
            md = new Metadata();
        }
        if (other != null) {
            ExiftoolMetadata.read(file, other, md, warnings); // CRW, MRW, X3F: metadata-extractor has no reader
        }
        for (Directory d : md.getDirectories()) {
            for (String err : d.getErrors()) {
                warnings.add(d.getName() + ": " + err);
            }
        }
        if (cr3) {
            Cr3Metadata.read(file, md, warnings); // read as a movie above: its EXIF sits in Canon's boxes
        }
        if (pmp) {
            SonyPmp.read(file, head, md, warnings); // a 1990s Sony still: a header of its own before a plain JPEG
        }
        IptcTrailer.read(file, md, warnings); // IPTC a cataloguing tool appended after the image
        if (md.getFirstDirectoryOfType(com.drew.metadata.jpeg.JpegDirectory.class) != null) {
            CasioQvci.read(file, md, warnings); // a 1998 Casio's date in an APP1 of its own
        }
        PhotoMetadata.Exif exif = exif(md, warnings, other == null ? file : null);
        PhotoMetadata.Iptc iptc = iptc(md, warnings);
        PhotoMetadata.Xmp xmp = xmp(md, warnings);
        int[] raw = RawSensorSize.of(head, file, md).orElse(null);
        boolean iptcEdited = IptcDigest.stale(file, md);
        if (iptcEdited) {
            warnings.add(org.yingzhi.shared.i18n.Texts.en("reason.photo.iptcEdited"));
        }
        Integer width = raw != null ? Integer.valueOf(raw[0]) : width(md);
        Integer height = raw != null ? Integer.valueOf(raw[1]) : height(md);
        return new PhotoMetadata(width, height, exif,
                gps(md, warnings), iptc, xmp, mwg(exif, iptc, xmp, iptcEdited), warnings);
    }

    /** The first 128 bytes of a file (fewer when it is shorter; none when it cannot be read). */
    static byte[] head(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read on: a channel may return fewer bytes than asked
            }
            return Arrays.copyOf(b.array(), b.position());
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * The MWG reconciliation; {@code iptcEdited} says the stored IPTC digest does not match the IPTC block, so where
     * both IPTC and XMP hold a value, IPTC's is taken.
     */
    static PhotoMetadata.Mwg mwg(PhotoMetadata.Exif exif, PhotoMetadata.Iptc iptc, PhotoMetadata.Xmp xmp,
            boolean iptcEdited) {
        String description = first(exif == null ? null : exif.imageDescription(), pick(xmp == null ? null : xmp.description(),
                iptc == null ? null : iptc.caption(), iptcEdited));
        List<String> xmpCreators = xmp == null ? List.of() : xmp.creators();
        List<String> iptcCreators = iptc == null ? List.of() : iptc.bylines();
        List<String> creators = exif != null && exif.artist() != null ? splitCreators(exif.artist())
                : pickList(xmpCreators, iptcCreators, iptcEdited);
        String rights = first(exif == null ? null : exif.copyright(), pick(xmp == null ? null : xmp.rights(),
                iptc == null ? null : iptc.copyrightNotice(), iptcEdited));
        String title = first(xmp == null ? null : xmp.title(), iptc == null ? null : iptc.objectName());
        List<String> keywords = pickList(xmp == null ? List.of() : xmp.subject(), iptc == null ? List.of() : iptc.keywords(),
                iptcEdited);
        String city = pick(xmp == null ? null : xmp.city(), iptc == null ? null : iptc.city(), iptcEdited);
        String date = null;
        String source = null;
        String xmpDate = xmp == null ? null : xmp.dateCreated();
        String iptcDate = iptc == null ? null : iptc.dateCreated();
        if (exif != null && exif.dateTimeOriginal() != null) {
            date = exif.dateTimeOriginal();
            source = "exif";
        } else if (xmpDate != null && !(iptcEdited && iptcDate != null)) {
            date = xmpDate;
            source = "xmp";
        } else if (iptcDate != null) {
            date = iptcDate;
            source = "iptc";
        }
        if (description == null && creators.isEmpty() && rights == null && title == null && keywords.isEmpty() && date == null
                && city == null) {
            return null;
        }
        return new PhotoMetadata.Mwg(title, description, creators, rights, keywords, date, source, city);
    }

    private static String pick(String xmp, String iptc, boolean iptcEdited) {
        return iptcEdited ? first(iptc, xmp) : first(xmp, iptc);
    }

    private static List<String> pickList(List<String> xmp, List<String> iptc, boolean iptcEdited) {
        if (iptcEdited && !iptc.isEmpty()) {
            return iptc;
        }
        return !xmp.isEmpty() ? xmp : iptc;
    }

    /** EXIF Artist may hold several names separated by semicolons (the MWG convention). */
    private static List<String> splitCreators(String artist) {
        return Arrays.stream(artist.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static Integer width(Metadata md) {
        return dimension(md, true);
    }

    private static Integer height(Metadata md) {
        return dimension(md, false);
    }

    /**
     * The coded image size is the truth: JPEG SOF, PNG IHDR, GIF screen, WebP, HEIF ispe, BMP and PSD headers;
     * for TIFF and RAW the largest image among the IFDs (a NEF's first IFD is its thumbnail); EXIF's copy last.
     */
    private static Integer dimension(Metadata md, boolean width) {
        Object[][] coded = {
            {JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT},
            {PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT},
            {com.drew.metadata.gif.GifHeaderDirectory.class, com.drew.metadata.gif.GifHeaderDirectory.TAG_IMAGE_WIDTH,
                com.drew.metadata.gif.GifHeaderDirectory.TAG_IMAGE_HEIGHT},
            {com.drew.metadata.webp.WebpDirectory.class, com.drew.metadata.webp.WebpDirectory.TAG_IMAGE_WIDTH,
                com.drew.metadata.webp.WebpDirectory.TAG_IMAGE_HEIGHT},
            {com.drew.metadata.heif.HeifDirectory.class, com.drew.metadata.heif.HeifDirectory.TAG_IMAGE_WIDTH,
                com.drew.metadata.heif.HeifDirectory.TAG_IMAGE_HEIGHT},
            {com.drew.metadata.bmp.BmpHeaderDirectory.class, com.drew.metadata.bmp.BmpHeaderDirectory.TAG_IMAGE_WIDTH,
                com.drew.metadata.bmp.BmpHeaderDirectory.TAG_IMAGE_HEIGHT},
            {com.drew.metadata.photoshop.PsdHeaderDirectory.class,
                com.drew.metadata.photoshop.PsdHeaderDirectory.TAG_IMAGE_WIDTH,
                com.drew.metadata.photoshop.PsdHeaderDirectory.TAG_IMAGE_HEIGHT}};
        for (Object[] c : coded) {
            @SuppressWarnings("unchecked")
            Directory d = md.getFirstDirectoryOfType((Class<? extends Directory>) c[0]);
            Integer v = d == null ? null : d.getInteger((Integer) (width ? c[1] : c[2]));
            if (v != null && v > 0) {
                return v;
            }
        }
        // TIFF and TIFF-based RAW: the largest image of any IFD (IFD0, SubIFDs)
        long bestArea = 0;
        Integer best = null;
        for (Directory d : md.getDirectories()) {
            if (!(d instanceof ExifDirectoryBase)) {
                continue;
            }
            Integer w = d.getInteger(ExifDirectoryBase.TAG_IMAGE_WIDTH);
            Integer h = d.getInteger(ExifDirectoryBase.TAG_IMAGE_HEIGHT);
            if (w != null && h != null && (long) w * h > bestArea) {
                bestArea = (long) w * h;
                best = width ? w : h;
            }
        }
        if (best != null) {
            return best;
        }
        return firstInteger(md, width ? new int[] {ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH}
                : new int[] {ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT});
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

    private static PhotoMetadata.Exif exif(Metadata md, List<String> warnings, Path file) {
        // a Panasonic RW2's first directory is its own type in metadata-extractor, with make and model where EXIF has them
        Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null) {
            ifd0 = md.getFirstDirectoryOfType(com.drew.metadata.exif.PanasonicRawIFD0Directory.class);
        }
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (ifd0 == null && sub == null) {
            return null;
        }
        String make = text(ifd0, ExifDirectoryBase.TAG_MAKE);
        String model = text(ifd0, ExifDirectoryBase.TAG_MODEL);
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        String lens = text(sub, ExifDirectoryBase.TAG_LENS_MODEL);
        // every EXIF sub-directory: RAW files (NEF, DNG, ...) keep the capture date in a second one
        String rawDate = null;
        String offset = null;
        String subSec = null;
        for (ExifSubIFDDirectory d : md.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            if (rawDate == null) {
                rawDate = text(d, ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
                offset = text(d, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
                subSec = text(d, ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL);
            }
            if (lens == null) {
                lens = text(d, ExifDirectoryBase.TAG_LENS_MODEL);
            }
        }
        if (lens == null && file != null) {
            // the maker's own lens id, named from its tables (exiftool's): "AF-S DX Zoom-Nikkor 18-70mm
            // f/3.5-4.5G IF-ED" where metadata-extractor gives the lens specification "18-70mm f/3.5-4.5"
            lens = ExiftoolMetadata.makerLens(file, make).orElse(null);
        }
        if (lens == null) {
            lens = makerNoteLens(md);
        }
        if (lens == null) {
            lens = xmpLens(md);
        }
        String dateTimeOriginal = null;
        String capturedAt = null;
        if (rawDate != null) {
            try {
                LocalDateTime local = LocalDateTime.parse(rawDate.trim(), EXIF_DATE);
                // fractions of a second from SubSecTimeOriginal, as the MWG composite writes them ("…:35.20")
                String fraction = subSec != null && subSec.trim().matches("\\d{1,9}") ? "." + subSec.trim() : "";
                dateTimeOriginal = local.format(ISO_SECONDS) + fraction;
                if (offset != null) {
                    ZoneOffset zo = ZoneOffset.of(offset.trim());
                    dateTimeOriginal = local.format(ISO_SECONDS) + fraction + zo.getId().replace("Z", "+00:00");
                    capturedAt = local.atOffset(zo).toInstant().toString();
                }
            } catch (DateTimeParseException e) {
                warnings.add("EXIF DateTimeOriginal '" + rawDate + "' is not a date");
            } catch (java.time.DateTimeException e) {
                warnings.add("EXIF OffsetTimeOriginal '" + offset + "' is not an offset");
            }
        }
        // each from the first EXIF sub-directory that has it: in a NEF or DNG the first one metadata-extractor
        // finds is often the raw image's SubIFD (tag 0x14a sorts before the EXIF pointer), which has no exposure
        List<ExifSubIFDDirectory> subs = md.getDirectoriesOfType(ExifSubIFDDirectory.class).stream().toList();
        Rational exposure = subs.stream().map(d -> d.getRational(ExifDirectoryBase.TAG_EXPOSURE_TIME))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Double exposureTime = exposure == null ? null : exposure.doubleValue();
        String exposureLabel = exposure == null ? null : exposureLabel(exposure);
        Double fNumber = subs.stream().map(d -> d.getDoubleObject(ExifDirectoryBase.TAG_FNUMBER))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Integer iso = subs.stream().map(d -> d.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Double focal = subs.stream().map(d -> d.getDoubleObject(ExifDirectoryBase.TAG_FOCAL_LENGTH))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new PhotoMetadata.Exif(make, model, lens, dateTimeOriginal, offset == null ? null : offset.trim(),
                capturedAt, exposureTime, exposureLabel, fNumber, iso, focal, orientation,
                text(ifd0, ExifDirectoryBase.TAG_ARTIST), text(ifd0, ExifDirectoryBase.TAG_COPYRIGHT),
                text(ifd0, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION));
    }

    /**
     * The lens as the camera maker wrote it in its maker notes, where metadata-extractor decodes it as text:
     * Canon, Olympus (equipment), Panasonic lens names, Nikon's lens specification ("18-55mm f/3.5-5.6").
     */
    private static String makerNoteLens(Metadata md) {
        String canon = text(md.getFirstDirectoryOfType(com.drew.metadata.exif.makernotes.CanonMakernoteDirectory.class),
                com.drew.metadata.exif.makernotes.CanonMakernoteDirectory.TAG_LENS_MODEL);
        if (canon != null) {
            return canon;
        }
        String olympus = text(md.getFirstDirectoryOfType(
                com.drew.metadata.exif.makernotes.OlympusEquipmentMakernoteDirectory.class),
                com.drew.metadata.exif.makernotes.OlympusEquipmentMakernoteDirectory.TAG_LENS_MODEL);
        if (olympus != null) {
            return olympus;
        }
        String panasonic = text(md.getFirstDirectoryOfType(com.drew.metadata.exif.makernotes.PanasonicMakernoteDirectory.class),
                com.drew.metadata.exif.makernotes.PanasonicMakernoteDirectory.TAG_LENS_TYPE);
        if (panasonic != null) {
            return panasonic;
        }
        var nikon = md.getFirstDirectoryOfType(com.drew.metadata.exif.makernotes.NikonType2MakernoteDirectory.class);
        if (nikon != null && nikon.containsTag(com.drew.metadata.exif.makernotes.NikonType2MakernoteDirectory.TAG_LENS)) {
            String d = nikon.getDescription(com.drew.metadata.exif.makernotes.NikonType2MakernoteDirectory.TAG_LENS);
            return d == null || d.isBlank() ? null : d.trim();
        }
        return null;
    }

    /** The lens from XMP: exifEX:LensModel (CIPA's EXIF 2.3 for XMP), else Adobe's aux:Lens. */
    private static String xmpLens(Metadata md) {
        XmpDirectory d = md.getFirstDirectoryOfType(XmpDirectory.class);
        if (d == null || d.getXMPMeta() == null) {
            return null;
        }
        try {
            for (String[] p : new String[][] {{"http://cipa.jp/exif/1.0/", "LensModel"}, {XMPConst.NS_EXIF_AUX, "Lens"}}) {
                XMPProperty v = d.getXMPMeta().getProperty(p[0], p[1]);
                if (v != null && v.getValue() != null && !v.getValue().isBlank()) {
                    return v.getValue().trim();
                }
            }
        } catch (XMPException e) {
            return null;
        }
        return null;
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

    private static PhotoMetadata.Iptc iptc(Metadata md, List<String> warnings) {
        IptcDirectory d = md.getFirstDirectoryOfType(IptcDirectory.class);
        if (d == null) {
            return null;
        }
        String[] kw = d.getStringArray(IptcDirectory.TAG_KEYWORDS);
        String[] by = d.getStringArray(IptcDirectory.TAG_BY_LINE);
        List<String> bylines = by == null ? List.of()
                : Arrays.stream(by).map(String::trim).filter(t -> !t.isEmpty()).toList();
        return new PhotoMetadata.Iptc(text(d, IptcDirectory.TAG_CAPTION), kw == null ? List.of() : Arrays.asList(kw),
                text(d, IptcDirectory.TAG_BY_LINE), text(d, IptcDirectory.TAG_CITY),
                text(d, IptcDirectory.TAG_PROVINCE_OR_STATE), text(d, IptcDirectory.TAG_COUNTRY_OR_PRIMARY_LOCATION_NAME),
                text(d, IptcDirectory.TAG_HEADLINE), text(d, IptcDirectory.TAG_OBJECT_NAME), bylines,
                text(d, IptcDirectory.TAG_COPYRIGHT_NOTICE), iptcDate(d, warnings));
    }

    /** IPTC DateCreated (CCYYMMDD) and TimeCreated (HHMMSS±HHMM) as ISO-8601. */
    private static String iptcDate(IptcDirectory d, List<String> warnings) {
        String date = text(d, IptcDirectory.TAG_DATE_CREATED);
        if (date == null) {
            return null;
        }
        String digits = date.replaceAll("[^0-9]", "");
        if (digits.length() != 8) {
            warnings.add("IPTC DateCreated '" + date + "' is not a date");
            return null;
        }
        String day = digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8);
        String time = text(d, IptcDirectory.TAG_TIME_CREATED);
        if (time != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2}):?(\\d{2}):?(\\d{2})([+-]\\d{2}):?(\\d{2})?")
                    .matcher(time.trim());
            if (m.lookingAt()) {
                return day + "T" + m.group(1) + ":" + m.group(2) + ":" + m.group(3)
                        + (m.group(4) == null ? "" : m.group(4) + ":" + (m.group(5) == null ? "00" : m.group(5)));
            }
        }
        return day;
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
            String rights = localized(meta, "rights");
            List<String> creators = array(meta, "creator");
            List<String> subject = array(meta, "subject");
            String created = null;
            XMPProperty dc = meta.getProperty(XMPConst.NS_PHOTOSHOP, "DateCreated");
            if (dc != null && dc.getValue() != null && !dc.getValue().isBlank()) {
                created = dc.getValue().trim();
            }
            String city = null;
            if (meta.doesArrayItemExist(XMPConst.NS_IPTCEXT, "LocationShown", 1)) {
                XMPProperty c = meta.getStructField(XMPConst.NS_IPTCEXT, "LocationShown[1]", XMPConst.NS_IPTCEXT, "City");
                city = c == null || c.getValue() == null || c.getValue().isBlank() ? null : c.getValue().trim();
            }
            if (city == null) {
                XMPProperty c = meta.getProperty(XMPConst.NS_PHOTOSHOP, "City");
                city = c == null || c.getValue() == null || c.getValue().isBlank() ? null : c.getValue().trim();
            }
            if (title == null && description == null && creators.isEmpty() && rights == null && subject.isEmpty()
                    && created == null && city == null) {
                return null;
            }
            return new PhotoMetadata.Xmp(title, description, creators.isEmpty() ? null : creators.get(0), creators, rights,
                    subject, created, city);
        } catch (XMPException e) {
            warnings.add("XMP: " + e.getMessage());
            return null;
        }
    }

    private static List<String> array(XMPMeta meta, String prop) throws XMPException {
        List<String> out = new ArrayList<>();
        int n = meta.doesPropertyExist(XMPConst.NS_DC, prop) ? meta.countArrayItems(XMPConst.NS_DC, prop) : 0;
        for (int i = 1; i <= n; i++) {
            XMPProperty p = meta.getArrayItem(XMPConst.NS_DC, prop, i);
            if (p != null && p.getValue() != null && !p.getValue().isBlank()) {
                out.add(p.getValue().trim());
            }
        }
        return out;
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
