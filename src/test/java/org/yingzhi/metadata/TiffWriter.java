package org.yingzhi.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes TIFF-structured files the way cameras lay out their RAW files: IFD0 with a chain of further IFDs, SubIFDs
 * (tag 0x14a), the EXIF IFD (0x8769) and byte blobs (an embedded JPEG) placed after the directories, in
 * little-endian byte order (as Canon, Nikon, Panasonic and Phase One write them) and with the magic and extra header bytes of CR2 ("CR" v2 at offset 8), RW2 ("IIU") or ORF. Entries
 * are sorted by tag, as TIFF requires.
 */
final class TiffWriter {

    /** One directory: its entries, and the directories it points to. */
    static final class Ifd {
        private record Entry(int tag, int type, int count, byte[] value, List<Ifd> children, byte[] blob) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private Ifd next;
        private final ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        private ByteBuffer buf(int n) {
            return ByteBuffer.allocate(n).order(order);
        }

        Ifd ascii(int tag, String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.US_ASCII);
            entries.add(new Entry(tag, 2, b.length, b, null, null));
            return this;
        }

        Ifd shorts(int tag, int... v) {
            entries.add(new Entry(tag, 3, v.length, shortBytes(v), null, null));
            return this;
        }

        private byte[] shortBytes(int... v) {
            ByteBuffer b = buf(2 * v.length);
            for (int x : v) {
                b.putShort((short) x);
            }
            return b.array();
        }

        Ifd longs(int tag, int... v) {
            ByteBuffer b = buf(4 * v.length);
            for (int x : v) {
                b.putInt(x);
            }
            entries.add(new Entry(tag, 4, v.length, b.array(), null, null));
            return this;
        }

        Ifd rational(int tag, int num, int den) {
            return rationals(tag, num, den);
        }

        /** Several rationals, numerator and denominator in turn (a GPS position's degrees, minutes, seconds). */
        Ifd rationals(int tag, int... nd) {
            ByteBuffer b = buf(4 * nd.length);
            for (int x : nd) {
                b.putInt(x);
            }
            entries.add(new Entry(tag, 5, nd.length / 2, b.array(), null, null));
            return this;
        }

        /** Bytes (type BYTE), such as GPSVersionID. */
        Ifd bytes(int tag, byte[] v) {
            entries.add(new Entry(tag, 1, v.length, v, null, null));
            return this;
        }

        /** A pointer entry (0x8769 EXIF, 0x8825 GPS, 0x14a SubIFDs) to the given directories. */
        Ifd pointer(int tag, Ifd... children) {
            entries.add(new Entry(tag, 4, children.length, null, List.of(children), null));
            return this;
        }

        /**
         * An image's data placed after the directories: {@code offsetTag} gets its offset, {@code lengthTag} its
         * length (StripOffsets 0x111 / StripByteCounts 0x117, or JpgFromRawStart 0x201 / Length 0x202).
         */
        Ifd blob(int offsetTag, int lengthTag, byte[] data) {
            entries.add(new Entry(offsetTag, 4, 1, null, null, data));
            entries.add(new Entry(lengthTag, 4, 1, buf(4).putInt(data.length).array(), null, null));
            return this;
        }

        /** The next directory in IFD0's chain (IFD1, ...). */
        Ifd then(Ifd n) {
            this.next = n;
            return n;
        }
    }

    static Ifd ifd() {
        return new Ifd();
    }

    private TiffWriter() {
    }

    /** A little-endian TIFF ("II*\0") with IFD0 at offset 8. */
    static byte[] tiff(Ifd ifd0) {
        return write(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 42, 0}, new byte[0], ifd0);
    }

    /** A Canon CR2: "II*\0", IFD0's offset, then "CR", version 2.0 and the raw IFD's offset (left 0 here). */
    static byte[] cr2(Ifd ifd0) {
        return write(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 42, 0}, new byte[] {'C', 'R', 2, 0, 0, 0, 0, 0}, ifd0);
    }

    /** A Panasonic RW2: "IIU\0" and IFD0. */
    static byte[] rw2(Ifd ifd0) {
        return write(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 'U', 0}, new byte[0], ifd0);
    }

    private static byte[] write(ByteOrder order, byte[] magic, byte[] extra, Ifd ifd0) {
        List<Ifd> all = new ArrayList<>();
        collect(ifd0, all);
        for (Ifd d : all) {
            d.entries.sort(Comparator.comparingInt(Ifd.Entry::tag));
        }
        int headerSize = 8 + extra.length;
        // pass 1: where each directory and its out-of-line values go
        int[] at = new int[all.size()];
        int pos = headerSize;
        for (int i = 0; i < all.size(); i++) {
            at[i] = pos;
            pos += size(all.get(i));
        }
        List<byte[]> blobs = new ArrayList<>();
        int blobAt = pos;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(headerSize).order(order);
        head.put(magic).putInt(headerSize).put(extra);
        out.writeBytes(head.array());
        for (int i = 0; i < all.size(); i++) {
            Ifd d = all.get(i);
            int dataAt = at[i] + 2 + 12 * d.entries.size() + 4;
            ByteBuffer b = ByteBuffer.allocate(size(d)).order(order);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            b.putShort((short) d.entries.size());
            for (Ifd.Entry e : d.entries) {
                b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
                byte[] value = e.value();
                if (e.children() != null) {
                    ByteBuffer p = ByteBuffer.allocate(4 * e.children().size()).order(order);
                    for (Ifd c : e.children()) {
                        p.putInt(at[all.indexOf(c)]);
                    }
                    value = p.array();
                } else if (e.blob() != null) {
                    value = ByteBuffer.allocate(4).order(order).putInt(blobAt).array();
                    blobs.add(e.blob());
                    blobAt += e.blob().length + (e.blob().length % 2);
                }
                if (value.length <= 4) {
                    b.put(java.util.Arrays.copyOf(value, 4));
                } else {
                    b.putInt(dataAt + data.size());
                    data.writeBytes(value);
                    if (data.size() % 2 == 1) {
                        data.write(0);
                    }
                }
            }
            b.putInt(d.next == null ? 0 : at[all.indexOf(d.next)]);
            b.put(data.toByteArray());
            out.writeBytes(b.array());
        }
        for (byte[] blob : blobs) {
            out.writeBytes(blob);
            if (blob.length % 2 == 1) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    private static void collect(Ifd d, List<Ifd> all) {
        if (d == null || all.contains(d)) {
            return;
        }
        all.add(d);
        for (Ifd.Entry e : d.entries) {
            if (e.children() != null) {
                e.children().forEach(c -> collect(c, all));
            }
        }
        collect(d.next, all);
    }

    private static int size(Ifd d) {
        int n = 2 + 12 * d.entries.size() + 4;
        for (Ifd.Entry e : d.entries) {
            int len = e.children() != null ? 4 * e.children().size() : e.blob() != null ? 4 : e.value().length;
            if (len > 4) {
                n += len + (len % 2);
            }
        }
        return n;
    }
}
