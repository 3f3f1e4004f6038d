package org.yingzhi.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When and with what a video or audio file was recorded, read from the file's own structures where FFmpeg does not
 * report it (as exiftool and mediainfo read them):
 * <ul>
 * <li>{@code dv.recorded}: a DV stream's VAUX recording date and time packs (0x62, 0x63; BCD, no zone), the only date
 * tape-era footage carries;</li>
 * <li>{@code mdpm.recorded}, {@code mdpm.make}: AVCHD's Modified DV Pack Metadata in the H.264 SEI user data
 * (date with its zone, the maker's code), see {@link #mdpm};</li>
 * <li>{@code bext.recorded}: a Broadcast WAV's {@code bext} origination date and time (no zone);
 * {@code riff.created}: a RIFF file's {@code LIST/INFO ICRD} (WAV and AVI);</li>
 * <li>{@code asf.created}: an ASF (WMV, WMA) File Properties Object's creation date (UTC);</li>
 * <li>{@code avi.headerMicros}: an AVI main header's frame count times its frame duration (the header's length,
 * which FFmpeg does not report when the stream headers and index say nothing).</li>
 * </ul>
 * Values are ISO-8601 local date-times ("2003-05-01T10:20:30"), with an offset when the format has one. Only the
 * first 64 KiB (DV, ASF) or the RIFF chunk headers are read; anything that does not fit is left unread.
 */
public final class RecordingFacts {

    private static final int HEAD = 64 * 1024;
    private static final byte[] ASF_HEADER = hex("3026b2758e66cf11a6d900aa0062ce6c");
    private static final byte[] ASF_FILE_PROPERTIES = hex("a1dcab8c47a9cf118ee400c00c205365");
    /** The unregistered user data UUID under which camcorders keep MDPM, followed by "MDPM". */
    public static final byte[] MDPM_UUID = hex("17ee8c60f84d11d98cd60800200c9a66");
    private static final Map<Integer, String> MDPM_MAKES = Map.of(0x0103, "Panasonic", 0x0108, "Sony",
            0x1011, "Canon", 0x1104, "JVC");

    private RecordingFacts() {
    }

    /** The facts the file's structures hold (see the class comment); empty when none. */
    public static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD, ch.size()));
            ch.read(head, 0);
            byte[] h = java.util.Arrays.copyOf(head.array(), head.position());
            if (h.length >= 12 && ascii(h, 0, 4).equals("RIFF")) {
                riff(ch, out);
            } else if (h.length >= 8 && java.util.Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot")
                    .contains(ascii(h, 4, 4))) {
                mvhd(ch, out);
            } else if (h.length >= 16 && java.util.Arrays.equals(h, 0, 16, ASF_HEADER, 0, 16)) {
                asf(h, out);
            } else {
                dv(h, out);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable structures leave the facts unknown; the probe reports the file itself
        }
        return out;
    }

    /** exiftool's DV reading: the first DIF sequence's VAUX blocks, packs of five bytes. */
    static void dv(byte[] b, Map<String, String> out) {
        int start = -1;
        for (int i = 0; i + 4 <= Math.min(b.length, 12_000); i++) {
            if ((b[i] & 0xFF) == 0x1f && b[i + 1] == 0x07 && b[i + 2] == 0 && ((b[i + 3] & 0x7F) == 0x3f)) {
                start = i;
                break;
            }
        }
        if (start < 0 || start + 80 * 6 > b.length) {
            return;
        }
        String date = null;
        for (int block = 1; block < 6; block++) {
            int pos = start + 80 * block;
            if ((b[pos] & 0xF0) != 0x50) {
                continue; // not a VAUX block
            }
            for (int j = 0; j < 15; j++) {
                int p = pos + j * 5 + 3;
                int type = b[p] & 0xFF;
                if (type == 0x62) {
                    date = bcd(b[p + 4] & 0xFF, b[p + 3] & 0x1F, b[p + 2] & 0x3F);
                } else if (type == 0x63 && date != null) {
                    String time = time(b[p + 4] & 0x3F, b[p + 3] & 0x7F, b[p + 2] & 0x7F);
                    if (time != null) {
                        out.put("dv.recorded", date + "T" + time);
                    }
                    return;
                }
            }
        }
    }

    /** YY (BCD; 20xx before 90), MM, DD as "yyyy-MM-dd", or null when a digit is not decimal. */
    private static String bcd(int yy, int mm, int dd) {
        int y = bcd(yy);
        int m = bcd(mm);
        int d = bcd(dd);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d", y < 90 ? 2000 + y : 1900 + y, m, d);
    }

    private static String time(int hh, int mm, int ss) {
        int h = bcd(hh);
        int m = bcd(mm);
        int s = bcd(ss);
        return h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60
                ? String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s) : null;
    }

    /** A byte of two BCD digits as its number, or -1 when a digit is not decimal. */
    private static int bcd(int b) {
        int hi = (b >> 4) & 0x0F;
        int lo = b & 0x0F;
        return hi <= 9 && lo <= 9 ? hi * 10 + lo : -1;
    }

    /** RIFF chunks at the top level and inside LIST/INFO: bext's origination date and time, ICRD. */
    private static void riff(FileChannel ch, Map<String, String> out) throws IOException {
        long size = ch.size();
        long pos = 12;
        long avgBytes = 0;
        for (int n = 0; n < 10_000 && pos + 8 <= size; n++) {
            ByteBuffer hdr = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(hdr, pos);
            String id = new String(hdr.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long len = Integer.toUnsignedLong(hdr.getInt(4));
            if (id.equals("fmt ") && len >= 12 && pos + 8 + 12 <= size) {
                ByteBuffer fmt = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(fmt, pos + 8);
                avgBytes = Integer.toUnsignedLong(fmt.getInt(8));
            } else if (id.equals("data") && avgBytes > 0 && len > 0) {
                // a WAV's length by its header: the data chunk's size over the byte rate (as exiftool computes it)
                out.put("riff.dataMicros", Long.toString(len * 1_000_000L / avgBytes));
            } else if (id.equals("bext") && len >= 338 && pos + 8 + 338 <= size) {
                ByteBuffer bext = ByteBuffer.allocate(338);
                ch.read(bext, pos + 8);
                String d = ascii(bext.array(), 320, 10).trim();
                String t = ascii(bext.array(), 330, 8).trim();
                // EBU Tech 3285 allows any separator: "yyyy-mm-dd", "yyyy:mm:dd", "yyyy mm dd"
                if (d.matches("\\d{4}.\\d{2}.\\d{2}")) {
                    String date = d.substring(0, 4) + "-" + d.substring(5, 7) + "-" + d.substring(8, 10);
                    String time = t.matches("\\d{2}.\\d{2}.\\d{2}")
                            ? t.substring(0, 2) + ":" + t.substring(3, 5) + ":" + t.substring(6, 8) : "00:00:00";
                    out.put("bext.recorded", date + "T" + time);
                }
            } else if (id.equals("LIST") && len >= 4 + 8 + 20 && new String(hdr.array(), 8, 4, StandardCharsets.ISO_8859_1).equals("hdrl")) {
                // AVI main header: dwMicroSecPerFrame at 0, dwTotalFrames at 16 (what exiftool's Duration reads)
                ByteBuffer avih = ByteBuffer.allocate(8 + 20).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(avih, pos + 12);
                if (new String(avih.array(), 0, 4, StandardCharsets.ISO_8859_1).equals("avih")) {
                    long usPerFrame = Integer.toUnsignedLong(avih.getInt(8));
                    long frames = Integer.toUnsignedLong(avih.getInt(8 + 16));
                    if (usPerFrame > 0 && frames > 0) {
                        out.put("avi.headerMicros", Long.toString(usPerFrame * frames));
                    }
                }
            } else if (id.equals("LIST") && len >= 4 && len < 65_536
                    && new String(hdr.array(), 8, 4, StandardCharsets.ISO_8859_1).equals("exif")) {
                // JEITA's exif list in cameras' WAV and AVI: etim the time (the date is ICRD's), ecor make, emdl model
                ByteBuffer list = ByteBuffer.allocate((int) Math.min(len - 4, Math.max(0, size - pos - 12)))
                        .order(ByteOrder.LITTLE_ENDIAN);
                ch.read(list, pos + 12);
                byte[] l = list.array();
                for (int p = 0; p + 8 <= l.length; ) {
                    String sid = new String(l, p, 4, StandardCharsets.ISO_8859_1);
                    int slen = list.getInt(p + 4);
                    if (slen < 0 || p + 8 + slen > l.length) {
                        break;
                    }
                    String v = new String(l, p + 8, slen, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
                    switch (sid) {
                        case "etim" -> {
                            if (v.matches("\\d{2}:\\d{2}:\\d{2}")) {
                                out.put("riff.time", v);
                            }
                        }
                        case "ecor" -> out.put("riff.make", v);
                        case "emdl" -> out.put("riff.model", v);
                        default -> {
                        }
                    }
                    p += 8 + slen + (slen & 1);
                }
            } else if (id.equals("LIST") && len >= 4 && new String(hdr.array(), 8, 4, StandardCharsets.ISO_8859_1).equals("INFO")) {
                long end = Math.min(size, pos + 8 + len);
                long p = pos + 12;
                while (p + 8 <= end) {
                    ByteBuffer sub = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                    ch.read(sub, p);
                    String sid = new String(sub.array(), 0, 4, StandardCharsets.ISO_8859_1);
                    long slen = Integer.toUnsignedLong(sub.getInt(4));
                    if (sid.equals("ICRD") && slen > 0 && slen < 256 && p + 8 + slen <= end) {
                        ByteBuffer v = ByteBuffer.allocate((int) slen);
                        ch.read(v, p + 8);
                        String icrd = new String(v.array(), StandardCharsets.ISO_8859_1).replace("\0", "").trim();
                        String iso = icrd(icrd);
                        if (iso != null) {
                            out.put("riff.created", iso);
                        }
                    }
                    p += 8 + slen + (slen & 1);
                }
            }
            if (len > size) {
                break;
            }
            pos += 8 + len + (len & 1);
        }
    }

    /**
     * A QuickTime/MP4 movie header's duration ({@code mov.headerMicros}): what the file says it lasts, which a file
     * cut short or with broken track tables no longer holds (exiftool and mediainfo report it).
     */
    private static void mvhd(FileChannel ch, Map<String, String> out) throws IOException {
        long size = ch.size();
        long pos = 0;
        for (int n = 0; n < 1000 && pos + 8 <= size; n++) {
            ByteBuffer hdr = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
            ch.read(hdr, pos);
            long len = Integer.toUnsignedLong(hdr.getInt(0));
            String type = new String(hdr.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int head = 8;
            if (len == 1) {
                len = hdr.getLong(8);
                head = 16;
            } else if (len == 0) {
                len = size - pos;
            }
            if (len < head) {
                return;
            }
            if (type.equals("moov")) {
                long p = pos + head;
                long end = Math.min(size, pos + len);
                for (int boxes = 0; boxes < 10_000 && p + 8 <= end; boxes++) {
                    ByteBuffer b = ByteBuffer.allocate(8 + 4 + 28).order(ByteOrder.BIG_ENDIAN);
                    ch.read(b, p);
                    long blen = Integer.toUnsignedLong(b.getInt(0));
                    if (new String(b.array(), 4, 4, StandardCharsets.ISO_8859_1).equals("mvhd")) {
                        int version = b.get(8) & 0xFF;
                        long timescale = version == 1 ? Integer.toUnsignedLong(b.getInt(12 + 16))
                                : Integer.toUnsignedLong(b.getInt(12 + 8));
                        long duration = version == 1 ? b.getLong(12 + 20) : Integer.toUnsignedLong(b.getInt(12 + 12));
                        if (timescale > 0 && duration > 0 && duration != 0xFFFFFFFFL) {
                            out.put("mov.headerMicros", Long.toString(duration * 1_000_000L / timescale));
                        }
                        return;
                    }
                    if (blen < 8) {
                        return;
                    }
                    p += blen;
                }
                return;
            }
            pos += len;
        }
    }

    /** ICRD as written: "1999-12-30", "1999-12-30 10:20:30", "1999:12:30 ..." ; null for other forms. */
    static String icrd(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d{4})[-:/ ](\\d{2})[-:/ ](\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2}))?)?").matcher(v);
        if (!m.lookingAt()) {
            return null;
        }
        return m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + (m.group(4) == null ? "00:00:00"
                : m.group(4) + ":" + m.group(5) + ":" + (m.group(6) == null ? "00" : m.group(6)));
    }

    /** The ASF header's objects: the File Properties Object holds the creation date as a FILETIME (UTC). */
    static void asf(byte[] h, Map<String, String> out) {
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 30; // header object: guid, size (8), count (4), two reserved bytes
        while (pos + 24 <= h.length) {
            long len = b.getLong(pos + 16);
            if (java.util.Arrays.equals(h, pos, pos + 16, ASF_FILE_PROPERTIES, 0, 16) && pos + 24 + 32 <= h.length) {
                long filetime = b.getLong(pos + 24 + 16 + 8);
                if (filetime > 0) {
                    // 100-ns intervals since 1601-01-01
                    Instant t = Instant.ofEpochSecond(filetime / 10_000_000L - 11_644_473_600L);
                    if (t.getEpochSecond() > 0) {
                        out.put("asf.created", t.toString());
                    }
                }
                return;
            }
            if (len < 24 || len > h.length) {
                return;
            }
            pos += (int) len;
        }
    }

    /**
     * The MDPM of one H.264 access unit (Annex B or length-prefixed, as a demuxer hands it over): the user data
     * following {@link #MDPM_UUID} and "MDPM" is a count and five-byte entries; 0x18 and 0x19 hold the recording date
     * (the first byte the zone: 0x20 west, (b &gt;&gt; 1) &amp; 0x0f hours, 0x01 a half hour; then BCD year, month,
     * day, hour, minute, second), 0xe0 the maker's code. Emulation-prevention bytes are removed first.
     */
    public static Map<String, String> mdpm(byte[] packet) {
        Map<String, String> out = new LinkedHashMap<>();
        int at = indexOf(packet, MDPM_UUID);
        if (at < 0) {
            return out;
        }
        byte[] d = unescape(packet, at, Math.min(packet.length, at + 16 + 4 + 1 + 5 * 256));
        if (d.length < 21 || !ascii(d, 16, 4).equals("MDPM")) {
            return out;
        }
        int n = d[20] & 0xFF;
        byte[] date = null;
        byte[] time = null;
        for (int i = 0, p = 21; i < n && p + 5 <= d.length; i++, p += 5) {
            int tag = d[p] & 0xFF;
            if (tag == 0x18) {
                date = java.util.Arrays.copyOfRange(d, p + 1, p + 5);
            } else if (tag == 0x19) {
                time = java.util.Arrays.copyOfRange(d, p + 1, p + 5);
            } else if (tag == 0xe0) {
                int code = ((d[p + 1] & 0xFF) << 8) | (d[p + 2] & 0xFF);
                String make = MDPM_MAKES.get(code);
                if (make != null) {
                    out.put("mdpm.make", make);
                }
            }
        }
        int century = date == null ? -1 : bcd(date[1] & 0xFF);
        if (time != null && century >= 0) {
            String ymd = bcd(date[2] & 0xFF, date[3] & 0xFF, time[0] & 0xFF);
            String hms = time(time[1] & 0xFF, time[2] & 0xFF, time[3] & 0xFF);
            if (ymd != null && hms != null) {
                ymd = String.format(Locale.ROOT, "%02d", century) + ymd.substring(2);
                int tz = date[0] & 0xFF;
                String offset = String.format(Locale.ROOT, "%s%02d:%s", (tz & 0x20) != 0 ? "-" : "+", (tz >> 1) & 0x0F,
                        (tz & 0x01) != 0 ? "30" : "00");
                out.put("mdpm.recorded", ymd + "T" + hms + offset);
            }
        }
        return out;
    }

    private static byte[] unescape(byte[] b, int from, int to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from);
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out.write(v);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String ascii(byte[] b, int off, int len) {
        return off + len <= b.length ? new String(b, off, len, StandardCharsets.ISO_8859_1) : "";
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
