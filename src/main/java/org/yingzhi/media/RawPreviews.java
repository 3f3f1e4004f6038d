package org.yingzhi.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The largest JPEG a camera embedded in its RAW file (every RAW carries a full-size or large preview for the
 * camera's screen): found by walking the TIFF structure (CR2, NEF, ARW, DNG, PEF, ORF, RW2 and TIFF-based
 * others: IFD chain, SubIFDs, JPEGInterchangeFormat, single-strip JPEG images, RW2's JpgFromRaw) or from the
 * RAF header. Reads only the directories and the chosen JPEG, never the raw sensor data.
 */
public final class RawPreviews {

    private static final int MAX_IFDS = 64;

    private RawPreviews() {
    }

    /** A JPEG inside the file: where it starts, how long it is, and its size in pixels (from its SOF marker). */
    public record Embedded(long offset, int length, int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    /** The largest embedded JPEG preview, if the file has any. */
    public static Optional<Embedded> largest(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer pmp = read(ch, 0, (int) Math.min(size, 128)).order(ByteOrder.BIG_ENDIAN);
            if (pmp.remaining() == 128 && pmp.getInt(8) == 124 && (pmp.getInt(124) & 0xFFFFFFFFL) == 0xFFD8FFDBL) {
                // a Sony DSC-F1 PMP: a 124-byte header with the JPEG's offset and length at 8 and 12
                return jpegAt(ch, Integer.toUnsignedLong(pmp.getInt(8)), pmp.getInt(12));
            }
            ByteBuffer head = read(ch, 0, (int) Math.min(size, 16));
            if (head.remaining() < 16) {
                return Optional.empty();
            }
            byte[] magic = new byte[16];
            head.get(magic);
            String ascii = new String(magic, 0, 16, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (ascii.startsWith("ftypcrx ", 4)) {
                return cr3(ch, size);
            }
            if ((ascii.startsWith("II") || ascii.startsWith("MM")) && ascii.startsWith("HEAPCCDR", 6)) {
                return ciff(ch, size, ascii.startsWith("II") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            }
            if (ascii.startsWith("FUJIFILMCCD-RAW")) {
                ByteBuffer raf = read(ch, 84, 8).order(ByteOrder.BIG_ENDIAN);
                return jpegAt(ch, Integer.toUnsignedLong(raf.getInt()), raf.getInt());
            }
            ByteOrder order;
            if (magic[0] == 'I' && magic[1] == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (magic[0] == 'M' && magic[1] == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                return Optional.empty();
            }
            ByteBuffer hb = ByteBuffer.wrap(magic).order(order);
            int version = hb.getShort(2) & 0xFFFF;
            if (version != 42 && version != 0x4F52 && version != 0x5352 && version != 0x55) {
                return Optional.empty(); // not TIFF, ORF or RW2 (BigTIFF RAW does not exist)
            }
            return walk(ch, order, Integer.toUnsignedLong(hb.getInt(4)), size);
        }
    }

    /** The uuid box in which a Canon CR3 keeps its large preview ("PRVW", typically 1620x1080). */
    private static final byte[] CR3_PREVIEW_UUID = hex("eaf42b5e1c984b88b9fbb7dc406e4d16");

    /**
     * Canon CR3 is ISO base media: the top-level boxes are walked (sizes must fit the file) to the preview uuid
     * box, whose PRVW record holds the picture's size and the JPEG's length just before the JPEG.
     */
    private static Optional<Embedded> cr3(FileChannel ch, long size) throws IOException {
        long pos = 0;
        for (int boxes = 0; pos + 8 <= size && boxes < 64; boxes++) {
            ByteBuffer h = read(ch, pos, 16).order(ByteOrder.BIG_ENDIAN);
            if (h.remaining() < 8) {
                break;
            }
            long boxSize = Integer.toUnsignedLong(h.getInt(0));
            String type = new String(new byte[] {h.get(4), h.get(5), h.get(6), h.get(7)}, java.nio.charset.StandardCharsets.ISO_8859_1);
            int header = 8;
            if (boxSize == 1 && h.remaining() >= 16) {
                boxSize = h.getLong(8);
                header = 16;
            } else if (boxSize == 0) {
                boxSize = size - pos;
            }
            if (boxSize < header || pos + boxSize > size) {
                break;
            }
            if (type.equals("uuid") && boxSize > header + 16) {
                ByteBuffer inside = read(ch, pos + header, (int) Math.min(boxSize - header, 128));
                byte[] uuid = new byte[16];
                inside.get(uuid);
                if (java.util.Arrays.equals(uuid, CR3_PREVIEW_UUID)) {
                    byte[] rest = new byte[inside.remaining()];
                    inside.get(rest);
                    for (int i = 0; i + 24 <= rest.length; i++) {
                        if (rest[i] == 'P' && rest[i + 1] == 'R' && rest[i + 2] == 'V' && rest[i + 3] == 'W') {
                            // PRVW: unknown(4) 1(2) width(2) height(2) 1(2) jpegLength(4) jpeg
                            ByteBuffer prvw = ByteBuffer.wrap(rest, i + 4, 16).order(ByteOrder.BIG_ENDIAN);
                            long jpeg = pos + header + 16 + i + 4 + 16;
                            int length = prvw.getInt(i + 4 + 12);
                            return jpegAt(ch, jpeg, length);
                        }
                    }
                }
            }
            pos += boxSize;
        }
        return Optional.empty();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Reads the bytes of an embedded JPEG. */
    public static byte[] bytes(Path file, Embedded e) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = read(ch, e.offset(), e.length());
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }
    }

    private static Optional<Embedded> walk(FileChannel ch, ByteOrder order, long first, long size) throws IOException {
        Deque<Long> todo = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        todo.add(first);
        Embedded best = null;
        while (!todo.isEmpty() && seen.size() < MAX_IFDS) {
            long ifd = todo.poll();
            if (ifd < 8 || ifd + 2 > size || !seen.add(ifd)) {
                continue;
            }
            ByteBuffer countBuf = read(ch, ifd, 2).order(order);
            int count = countBuf.getShort() & 0xFFFF;
            if (count == 0 || count > 1000) {
                continue;
            }
            ByteBuffer dir = read(ch, ifd + 2, count * 12 + 4).order(order);
            long jpegOffset = -1;
            long jpegLength = -1;
            long stripOffset = -1;
            long stripLength = -1;
            int compression = 0;
            for (int i = 0; i < count && dir.remaining() >= 12; i++) {
                int tag = dir.getShort() & 0xFFFF;
                int type = dir.getShort() & 0xFFFF;
                long n = Integer.toUnsignedLong(dir.getInt());
                int valuePos = dir.position();
                long value = type == 3 ? dir.getShort(valuePos) & 0xFFFF : Integer.toUnsignedLong(dir.getInt(valuePos));
                dir.position(valuePos + 4);
                switch (tag) {
                    case 0x0201 -> jpegOffset = value;
                    case 0x0202 -> jpegLength = value;
                    case 0x0111 -> stripOffset = n == 1 ? value : -1;
                    case 0x0117 -> stripLength = n == 1 ? value : -1;
                    case 0x0103 -> compression = (int) value;
                    case 0x002E -> best = larger(best, jpegAt(ch, value, (int) Math.min(n, Integer.MAX_VALUE)).orElse(null));
                    case 0x014A -> {
                        // SubIFDs: one offset inline, or an array of offsets elsewhere
                        if (n == 1) {
                            todo.add(value);
                        } else if (n > 1 && n < 16) {
                            ByteBuffer subs = read(ch, value, (int) n * 4).order(order);
                            while (subs.remaining() >= 4) {
                                todo.add(Integer.toUnsignedLong(subs.getInt()));
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            if (jpegOffset > 0 && jpegLength > 0) {
                best = larger(best, jpegAt(ch, jpegOffset, (int) Math.min(jpegLength, Integer.MAX_VALUE)).orElse(null));
            }
            if ((compression == 6 || compression == 7) && stripOffset > 0 && stripLength > 0) {
                best = larger(best, jpegAt(ch, stripOffset, (int) Math.min(stripLength, Integer.MAX_VALUE)).orElse(null));
            }
            if (dir.remaining() >= 4) {
                todo.add(Integer.toUnsignedLong(dir.getInt()));
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Canon CRW (CIFF): the root heap runs from the header's end to the file's end; its last four bytes give its
     * directory's offset, a count and ten-byte entries (tag, size, offset in the heap); tag 0x2007 is the camera's
     * full-size JPEG (JpgFromRaw), 0x2008 the thumbnail.
     */
    private static Optional<Embedded> ciff(FileChannel ch, long size, ByteOrder order) throws IOException {
        ByteBuffer h = read(ch, 2, 4).order(order);
        long heap = Integer.toUnsignedLong(h.getInt(0));
        if (heap < 14 || heap + 4 > size) {
            return Optional.empty();
        }
        long heapLen = size - heap;
        long table = Integer.toUnsignedLong(read(ch, size - 4, 4).order(order).getInt(0));
        if (table + 2 > heapLen) {
            return Optional.empty();
        }
        int count = read(ch, heap + table, 2).order(order).getShort(0) & 0xFFFF;
        if (count > 1000 || table + 2 + 10L * count > heapLen) {
            return Optional.empty();
        }
        ByteBuffer entries = read(ch, heap + table + 2, 10 * count).order(order);
        Embedded best = null;
        for (int i = 0; i < count; i++) {
            int tag = entries.getShort(10 * i) & 0xFFFF;
            long len = Integer.toUnsignedLong(entries.getInt(10 * i + 2));
            long off = Integer.toUnsignedLong(entries.getInt(10 * i + 6));
            if ((tag == 0x2007 || tag == 0x2008) && off + len <= heapLen && len < Integer.MAX_VALUE) {
                best = larger(best, jpegAt(ch, heap + off, (int) len).orElse(null));
            }
        }
        return Optional.ofNullable(best);
    }

    private static Embedded larger(Embedded a, Embedded b) {
        if (b == null) {
            return a;
        }
        return a == null || b.pixels() > a.pixels() ? b : a;
    }

    /** A baseline or progressive JPEG at {@code offset} (not a lossless one: that is sensor data), with its size. */
    private static Optional<Embedded> jpegAt(FileChannel ch, long offset, int length) throws IOException {
        if (offset <= 0 || length < 128 || offset + length > ch.size()) {
            return Optional.empty();
        }
        ByteBuffer b = read(ch, offset, Math.min(length, 256 * 1024)).order(ByteOrder.BIG_ENDIAN);
        if (b.remaining() < 4 || (b.get(0) & 0xFF) != 0xFF || (b.get(1) & 0xFF) != 0xD8) {
            return Optional.empty();
        }
        int p = 2;
        while (p + 9 < b.limit()) {
            if ((b.get(p) & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b.get(p + 1) & 0xFF;
            int segment = b.getShort(p + 2) & 0xFFFF;
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                int height = b.getShort(p + 5) & 0xFFFF;
                int width = b.getShort(p + 7) & 0xFFFF;
                return width > 0 && height > 0 ? Optional.of(new Embedded(offset, length, width, height)) : Optional.empty();
            }
            if (marker == 0xC3 || marker == 0xDA) {
                return Optional.empty(); // lossless (raw data) or no frame header before the scan
            }
            p += 2 + segment;
        }
        return Optional.empty();
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, length));
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                break;
            }
        }
        b.flip();
        return b;
    }
}
