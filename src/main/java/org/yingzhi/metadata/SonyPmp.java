package org.yingzhi.metadata;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The Sony DSC-F1's PMP still (1996-98): a 124-byte big-endian header (JPEG offset and length at 8 and 12, size at
 * 22, orientation 27, comment 52, original and modify dates at 76 and 84 as six bytes YY MM DD hh mm ss, exposure at
 * 102 as 2^(-v/100) s, flash at 118; the layout exiftool's Sony::PMP table documents), then a JPEG without EXIF.
 * metadata-extractor knows neither: the header's values become the EXIF directories they stand for (make Sony,
 * model DSC-F1 as exiftool names them), and the JPEG's own directories give the coded size.
 */
final class SonyPmp {

    static final int HEADER = 124;
    private static final int MAX_JPEG = 64 * 1024 * 1024;

    private SonyPmp() {
    }

    /** The signature exiftool checks: the header length 124 at offset 8 and a JPEG (SOI, DQT) right after it. */
    static boolean is(byte[] h) {
        return h.length >= 128 && h[8] == 0 && h[9] == 0 && h[10] == 0 && h[11] == 0x7c
                && (h[124] & 0xFF) == 0xFF && (h[125] & 0xFF) == 0xD8 && (h[126] & 0xFF) == 0xFF
                && (h[127] & 0xFF) == 0xDB;
    }

    /** Where the JPEG is (offset, length), from the header; null when the header's numbers do not fit the file. */
    static long[] jpeg(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.BIG_ENDIAN);
            ch.read(b, 0);
            long off = Integer.toUnsignedLong(b.getInt(8));
            long len = Integer.toUnsignedLong(b.getInt(12));
            if (off < HEADER || len <= 0 || len > MAX_JPEG || off + len > ch.size()) {
                return null;
            }
            return new long[] {off, len};
        }
    }

    /** Reads the header from {@code head} (the file's first bytes, at least the 124 of the header). */
    static void read(Path file, byte[] head, Metadata md, List<String> warnings) throws IOException {
        byte[] h = java.util.Arrays.copyOf(head, HEADER);
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.BIG_ENDIAN);
        ExifIFD0Directory ifd0 = new ExifIFD0Directory();
        ifd0.setString(ExifDirectoryBase.TAG_MAKE, "Sony");
        ifd0.setString(ExifDirectoryBase.TAG_MODEL, "DSC-F1");
        int orientation = switch (h[27]) {
            case 1 -> 8; // rotate 270 CW
            case 2 -> 3;
            case 3 -> 6; // rotate 90 CW
            default -> 0; // horizontal: left unset, as a camera that does not rotate leaves it
        };
        if (orientation != 0) {
            ifd0.setInt(ExifDirectoryBase.TAG_ORIENTATION, orientation);
        }
        String comment = new String(h, 52, 19, StandardCharsets.ISO_8859_1).replaceAll("\0.*", "").trim();
        if (!comment.isEmpty()) {
            ifd0.setString(ExifDirectoryBase.TAG_IMAGE_DESCRIPTION, comment);
        }
        ExifSubIFDDirectory sub = new ExifSubIFDDirectory();
        String date = date(h, 76);
        if (date != null) {
            sub.setString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL, date);
        }
        short exposure = b.getShort(102);
        if (exposure > 0) {
            // 2^(-v/100) s: 600 is 1/64 s; kept as the rational nearest to it with the power of two exact
            double seconds = Math.pow(2, -exposure / 100.0);
            long den = 1_000_000_000_000L; // not a ratio of small numbers: kept to twelve places
            sub.setRational(ExifDirectoryBase.TAG_EXPOSURE_TIME, new Rational(Math.round(seconds * den), den));
        }
        sub.setInt(ExifDirectoryBase.TAG_FLASH, h[118] == 1 ? 1 : 0);
        sub.setInt(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH, b.getShort(22) & 0xFFFF);
        sub.setInt(ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT, b.getShort(24) & 0xFFFF);
        md.addDirectory(ifd0);
        md.addDirectory(sub);
        long[] where = jpeg(file);
        if (where == null) {
            warnings.add("PMP: the header's JPEG offset and length do not fit the file");
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer jpg = ByteBuffer.allocate((int) where[1]);
            ch.read(jpg, where[0]);
            Metadata inner = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpg.array()));
            for (Directory d : inner.getDirectories()) {
                md.addDirectory(d);
            }
        } catch (JpegProcessingException e) {
            warnings.add("PMP: the embedded JPEG is not readable: " + e.getMessage());
        }
    }

    /** Six bytes YY MM DD hh mm ss (years before 70 are 20xx) as an EXIF date, or null when unset or impossible. */
    private static String date(byte[] h, int at) {
        int y = h[at] & 0xFF;
        int mo = h[at + 1] & 0xFF;
        int d = h[at + 2] & 0xFF;
        if (mo < 1 || mo > 12 || d < 1 || d > 31) {
            return null;
        }
        y += y < 70 ? 2000 : 1900;
        return String.format(java.util.Locale.ROOT, "%04d:%02d:%02d %02d:%02d:%02d", y, mo, d, h[at + 3] & 0xFF,
                h[at + 4] & 0xFF, h[at + 5] & 0xFF);
    }
}
