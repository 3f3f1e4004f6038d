package org.yingzhi.metadata;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.PanasonicRawIFD0Directory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The picture size of a camera RAW, which its first directory or embedded JPEG does not give (those are the
 * preview's), read where exiftool's Composite:ImageSize reads it:
 * <ul>
 * <li>Fujifilm RAF: the RAF directory's RawImageCroppedSize (0x111), else RawImageFullSize (0x100), height first;</li>
 * <li>Panasonic RW2 (and Leica RWL, the same "IIU" structure): IFD0's sensor borders, right - left by bottom - top;</li>
 * <li>Canon CR2 and Phase One IIQ: the EXIF IFD's ExifImageWidth and ExifImageHeight.</li>
 * </ul>
 * Empty for every other file: their largest IFD or coded image is their size.
 */
final class RawSensorSize {

    private static final int MAX_RAF_ENTRIES = 256;

    private RawSensorSize() {
    }

    /** {@code head} is the file's first bytes (16 are enough). */
    static Optional<int[]> of(byte[] head, Path file, Metadata md) {
        if (head.length >= 16 && new String(head, 0, 8, StandardCharsets.ISO_8859_1).equals("FUJIFILM")) {
            return raf(file);
        }
        PanasonicRawIFD0Directory pana = md.getFirstDirectoryOfType(PanasonicRawIFD0Directory.class);
        if (pana != null) {
            Integer top = pana.getInteger(PanasonicRawIFD0Directory.TagSensorTopBorder);
            Integer left = pana.getInteger(PanasonicRawIFD0Directory.TagSensorLeftBorder);
            Integer bottom = pana.getInteger(PanasonicRawIFD0Directory.TagSensorBottomBorder);
            Integer right = pana.getInteger(PanasonicRawIFD0Directory.TagSensorRightBorder);
            if (top != null && left != null && bottom != null && right != null && right > left && bottom > top) {
                return Optional.of(new int[] {right - left, bottom - top});
            }
            return Optional.empty();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean cr2 = head.length >= 10 && head[0] == 'I' && head[1] == 'I' && head[8] == 'C' && head[9] == 'R';
        if (cr2 || name.endsWith(".iiq") || name.endsWith(".eip")) {
            for (ExifSubIFDDirectory d : md.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                Integer w = d.getInteger(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH);
                Integer h = d.getInteger(ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT);
                if (w != null && h != null && w > 0 && h > 0) {
                    return Optional.of(new int[] {w, h});
                }
            }
        }
        return Optional.empty();
    }

    /** The RAF directory whose offset sits at 0x5c: a count, then tag, length and big-endian value per entry. */
    private static Optional<int[]> raf(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer p = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
            ch.read(p, 0x5c);
            long dir = Integer.toUnsignedLong(p.getInt(0));
            if (p.position() < 4 || dir == 0 || dir + 4 > size) {
                return Optional.empty();
            }
            ByteBuffer n = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
            ch.read(n, dir);
            long entries = Integer.toUnsignedLong(n.getInt(0));
            if (entries >= MAX_RAF_ENTRIES) {
                return Optional.empty();
            }
            long pos = dir + 4;
            int[] full = null;
            for (long i = 0; i < entries && pos + 4 <= size; i++) {
                ByteBuffer e = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
                ch.read(e, pos);
                int tag = e.getShort(0) & 0xFFFF;
                int len = e.getShort(2) & 0xFFFF;
                pos += 4;
                if ((tag == 0x111 || tag == 0x100) && len == 4 && pos + 4 <= size) {
                    ByteBuffer v = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
                    ch.read(v, pos);
                    int[] wh = {v.getShort(2) & 0xFFFF, v.getShort(0) & 0xFFFF};
                    if (tag == 0x111 && wh[0] > 0 && wh[1] > 0) {
                        return Optional.of(wh);
                    }
                    full = wh[0] > 0 && wh[1] > 0 ? wh : full;
                }
                pos += len;
            }
            return Optional.ofNullable(full);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
