package org.yingzhi.metadata;

import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.imaging.jpeg.JpegSegmentData;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The capture date a Casio QV-7000SX (1998) keeps in an APP1 segment of its own, "QVCI\0", at offset 0x4d as
 * twenty characters "YYYY.MM.DD.hh.mm.ss" (exiftool's Casio::QVCI table); these JPEGs carry no EXIF. The date
 * becomes EXIF DateTimeOriginal when the file has none.
 */
final class CasioQvci {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[.:](\\d{2})[.:](\\d{2})[.: ](\\d{2})[.:](\\d{2})[.:](\\d{2})");

    private CasioQvci() {
    }

    static void read(Path file, Metadata md, List<String> warnings) {
        for (ExifSubIFDDirectory d : md.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            if (d.containsTag(ExifDirectoryBase.TAG_DATETIME_ORIGINAL)) {
                return; // a camera with EXIF has its date there: its segments are not read again
            }
        }
        byte[] seg = segment(file);
        if (seg == null || seg.length < 0x4d + 19) {
            return;
        }
        String raw = new String(seg, 0x4d, Math.min(20, seg.length - 0x4d), StandardCharsets.ISO_8859_1).replace("\0", "");
        Matcher m = DATE.matcher(raw);
        if (!m.lookingAt()) {
            warnings.add("QVCI: '" + raw.trim() + "' is not a date");
            return;
        }
        ExifSubIFDDirectory sub = new ExifSubIFDDirectory();
        sub.setString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL, m.group(1) + ":" + m.group(2) + ":" + m.group(3) + " "
                + m.group(4) + ":" + m.group(5) + ":" + m.group(6));
        md.addDirectory(sub);
    }

    /** The first APP1 segment of a JPEG that starts with "QVCI\0", or null. */
    private static byte[] segment(Path file) {
        try {
            JpegSegmentData segments = JpegSegmentReader.readSegments(file.toFile(), List.of(JpegSegmentType.APP1));
            for (byte[] data : segments.getSegments(JpegSegmentType.APP1)) {
                if (data.length > 5 && new String(data, 0, 5, StandardCharsets.ISO_8859_1).equals("QVCI\0")) {
                    return data;
                }
            }
        } catch (JpegProcessingException | IOException e) {
            return null;
        }
        return null;
    }
}
