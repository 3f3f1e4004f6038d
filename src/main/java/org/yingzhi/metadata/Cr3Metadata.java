package org.yingzhi.metadata;

import com.drew.imaging.tiff.TiffProcessingException;
import com.drew.imaging.tiff.TiffReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifTiffHandler;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.makernotes.CanonMakernoteDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The EXIF of a Canon CR3, which metadata-extractor reads as a QuickTime movie and so misses: the file is ISO base
 * media, and {@code moov} holds a Canon uuid box whose CMT1 (IFD0: make, model, ...), CMT2 (the EXIF IFD: dates,
 * exposure, lens), CMT3 (Canon maker notes) and CMT4 (GPS) boxes are each a complete TIFF structure. Each is read
 * with metadata-extractor's own TIFF reader into the directory it stands for. Box sizes must fit their parents;
 * anything that does not is left unread, with a warning.
 */
final class Cr3Metadata {

    private static final byte[] CANON_UUID = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");
    private static final int MAX_BOX = 16 * 1024 * 1024;

    private Cr3Metadata() {
    }

    /** Whether the file's first bytes are an ftyp box of brand "crx ". */
    static boolean isCr3(byte[] h) {
        return h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p'
                && new String(h, 8, 4, StandardCharsets.ISO_8859_1).equals("crx ");
    }

    /** Adds the CMT directories of a CR3 to {@code md}; problems become warnings. */
    static void read(Path file, Metadata md, List<String> warnings) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long[] moov = find(ch, 0, size, "moov", null);
            if (moov == null) {
                warnings.add("CR3: no moov box");
                return;
            }
            long[] canon = find(ch, moov[0], moov[1], "uuid", CANON_UUID);
            if (canon == null) {
                warnings.add("CR3: no Canon metadata box");
                return;
            }
            long from = canon[0] + 16; // after the uuid
            add(ch, from, canon[1], "CMT1", md, ExifIFD0Directory::new, warnings);
            add(ch, from, canon[1], "CMT2", md, ExifSubIFDDirectory::new, warnings);
            add(ch, from, canon[1], "CMT3", md, CanonMakernoteDirectory::new, warnings);
            add(ch, from, canon[1], "CMT4", md, GpsDirectory::new, warnings);
        } catch (IOException e) {
            warnings.add("CR3: " + e.getMessage());
        }
    }

    /** Reads one CMT box's TIFF and keeps its first IFD's tags as a directory of the kind it stands for. */
    private static void add(FileChannel ch, long from, long end, String type, Metadata md, Supplier<Directory> kind,
            List<String> warnings) throws IOException {
        long[] box = find(ch, from, end, type, null);
        if (box == null) {
            return;
        }
        long length = box[1] - box[0];
        if (length > MAX_BOX) {
            warnings.add("CR3: " + type + " is " + length + " bytes; not read");
            return;
        }
        ByteBuffer body = ByteBuffer.allocate((int) length);
        ch.read(body, box[0]);
        Metadata tiff = new Metadata();
        try {
            new TiffReader().processTiff(new ByteArrayReader(body.array()), new ExifTiffHandler(tiff, null, 0), 0);
        } catch (TiffProcessingException | IOException | RuntimeException e) {
            warnings.add("CR3: " + type + " is not a readable TIFF: " + e.getMessage());
            return;
        }
        ExifIFD0Directory ifd0 = tiff.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null) {
            return;
        }
        Directory target = kind.get();
        for (Tag t : ifd0.getTags()) {
            target.setObject(t.getTagType(), ifd0.getObject(t.getTagType()));
        }
        md.addDirectory(target);
    }

    /**
     * The first box of a type (and uuid) among the boxes in [from, end): {start of its body, end of it}, or null.
     * Sizes that do not fit end the walk.
     */
    private static long[] find(FileChannel ch, long from, long end, String type, byte[] uuid) throws IOException {
        long pos = from;
        for (int n = 0; pos + 8 <= end && n < 256; n++) {
            ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.BIG_ENDIAN);
            ch.read(h, pos);
            if (h.position() < 8) {
                return null;
            }
            long boxSize = Integer.toUnsignedLong(h.getInt(0));
            String t = new String(new byte[] {h.get(4), h.get(5), h.get(6), h.get(7)}, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (boxSize == 1) {
                boxSize = h.getLong(8);
                header = 16;
            } else if (boxSize == 0) {
                boxSize = end - pos;
            }
            if (boxSize < header || pos + boxSize > end) {
                return null;
            }
            if (t.equals(type)) {
                if (uuid == null) {
                    return new long[] {pos + header, pos + boxSize};
                }
                byte[] u = new byte[16];
                if (h.position() >= header + 16) {
                    h.get(header, u);
                    if (java.util.Arrays.equals(u, uuid)) {
                        return new long[] {pos + header, pos + boxSize};
                    }
                }
            }
            pos += boxSize;
        }
        return null;
    }
}
