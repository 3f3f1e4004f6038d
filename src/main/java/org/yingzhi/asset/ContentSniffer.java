package org.yingzhi.asset;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a file is from its first bytes and its size, never from its name: a text file called {@code .mp4}
 * is text. Covers what twenty years of broadcasters and aid units hand over: MOV/MP4/3GP, MXF, MPEG-TS and M2TS
 * (AVCHD, HDV), MPEG-PS/VOB, DV, Matroska, AVI, FLV, ASF (WMV/WMA), RealMedia, WAV, AIFF, AMR, MP3, AAC, FLAC, Ogg,
 * JPEG, PNG, GIF, BMP, TIFF and BigTIFF, PSD, JPEG 2000, DPX, HEIF, WebP and camera RAW (CR2, CR3, CRW, RAF, MRW,
 * ORF, RW2, X3F; NEF, ARW and DNG are TIFF).
 *
 * <p>Signatures are checked with their structure where a structure exists: a QuickTime atom's or an ISO box's
 * size must fit the file (a text whose bytes 4-7 spell {@code free} is not a movie), an ID3 tag's header must be
 * valid and be followed by audio frames, a BMP's size field must be the file's size.
 */
public final class ContentSniffer {

    /** A recognised format: its media type, a short format name, the stored extension and a MIME type. */
    public record Detected(AssetType type, String format, String ext, String mime) {
    }

    private ContentSniffer() {
    }

    /** As {@link #detect(byte[], long)} for a head whose file size is not known (structure sizes are not checked). */
    public static Optional<Detected> detect(byte[] h) {
        return detect(h, Long.MAX_VALUE);
    }

    /** What the file whose first bytes are {@code h} and whose size is {@code size} holds, if media. */
    public static Optional<Detected> detect(byte[] h, long size) {
        if (h.length < 4) {
            return Optional.empty();
        }
        if (u(h, 0) == 0xFF && u(h, 1) == 0xD8 && u(h, 2) == 0xFF) {
            return found(AssetType.PHOTO, "jpeg", "jpg", "image/jpeg");
        }
        if (startsWith(h, 0, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return found(AssetType.PHOTO, "png", "png", "image/png");
        }
        if (ascii(h, 0, 4).equals("GIF8")) {
            return found(AssetType.PHOTO, "gif", "gif", "image/gif");
        }
        if (startsWith(h, 0, new int[] {'I', 'I', 0x2A, 0x00}) || startsWith(h, 0, new int[] {'M', 'M', 0x00, 0x2A})) {
            if (ascii(h, 8, 2).equals("CR")) {
                return found(AssetType.PHOTO, "cr2", "cr2", "image/x-canon-cr2");
            }
            return found(AssetType.PHOTO, "tiff", "tif", "image/tiff");
        }
        if (startsWith(h, 0, new int[] {'I', 'I', 0x2B, 0x00}) || startsWith(h, 0, new int[] {'M', 'M', 0x00, 0x2B})) {
            return found(AssetType.PHOTO, "bigtiff", "tif", "image/tiff");
        }
        Optional<Detected> raw = cameraRaw(h);
        if (raw.isPresent()) {
            return raw;
        }
        if (ascii(h, 0, 2).equals("BM") && h.length >= 14 && le32(h, 2) == size && u(h, 6) == 0 && u(h, 7) == 0
                && u(h, 8) == 0 && u(h, 9) == 0) {
            return found(AssetType.PHOTO, "bmp", "bmp", "image/bmp");
        }
        if (ascii(h, 0, 4).equals("8BPS") && h.length >= 6 && u(h, 4) == 0 && (u(h, 5) == 1 || u(h, 5) == 2)) {
            return found(AssetType.PHOTO, "psd", "psd", "image/vnd.adobe.photoshop");
        }
        if (startsWith(h, 0, new int[] {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A})) {
            return found(AssetType.PHOTO, "jp2", "jp2", "image/jp2");
        }
        if (startsWith(h, 0, new int[] {0xFF, 0x4F, 0xFF, 0x51})) {
            return found(AssetType.PHOTO, "j2k", "j2k", "image/x-jp2-codestream");
        }
        if (ascii(h, 0, 4).equals("SDPX") || ascii(h, 0, 4).equals("XPDS")) {
            return found(AssetType.PHOTO, "dpx", "dpx", "image/x-dpx");
        }
        if (ascii(h, 0, 4).equals("RIFF") && h.length >= 12) {
            String form = ascii(h, 8, 4);
            switch (form) {
                case "WAVE":
                    return found(AssetType.AUDIO, "wav", "wav", "audio/wav");
                case "AVI ":
                    return found(AssetType.VIDEO, "avi", "avi", "video/x-msvideo");
                case "WEBP":
                    return found(AssetType.PHOTO, "webp", "webp", "image/webp");
                default:
                    return Optional.empty();
            }
        }
        if (ascii(h, 0, 4).equals("RF64") || ascii(h, 0, 4).equals("BW64")) {
            return found(AssetType.AUDIO, "wav", "wav", "audio/wav");
        }
        if (h.length >= 12 && ascii(h, 4, 4).equals("ftyp") && atomFits(h, size)) {
            return isoBrand(ascii(h, 8, 4));
        }
        if (h.length >= 8) {
            String box = ascii(h, 4, 4);
            if ((box.equals("moov") || box.equals("mdat") || box.equals("wide") || box.equals("free")
                    || box.equals("skip") || box.equals("pnot")) && atomFits(h, size)) {
                return found(AssetType.VIDEO, "mov", "mov", "video/quicktime");
            }
        }
        if (ascii(h, 0, 4).equals("FORM") && h.length >= 12
                && (ascii(h, 8, 4).equals("AIFF") || ascii(h, 8, 4).equals("AIFC"))) {
            return found(AssetType.AUDIO, "aiff", "aif", "audio/aiff");
        }
        if (ascii(h, 0, 6).equals("#!AMR\n") || ascii(h, 0, 9).equals("#!AMR-WB\n")) {
            return found(AssetType.AUDIO, "amr", "amr", "audio/amr");
        }
        if (ascii(h, 0, 3).equals("FLV") && h.length >= 9 && u(h, 3) == 1) {
            return found(AssetType.VIDEO, "flv", "flv", "video/x-flv");
        }
        if (startsWith(h, 0, new int[] {0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00,
            0x62, 0xCE, 0x6C})) {
            // WMV or WMA: the probe turns an ASF file without video into an AUDIO asset
            return found(AssetType.VIDEO, "asf", "asf", "video/x-ms-asf");
        }
        if (ascii(h, 0, 4).equals(".RMF")) {
            return found(AssetType.VIDEO, "rm", "rm", "application/vnd.rn-realmedia");
        }
        if (u(h, 0) == 0x1F && u(h, 1) == 0x07 && u(h, 2) == 0x00 && h.length >= 480) {
            // a DIF block: header section (ID 0x1F07), then subcode sections (0x3F..)
            return found(AssetType.VIDEO, "dv", "dv", "video/x-dv");
        }
        if (startsWith(h, 0, new int[] {0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01})) {
            return found(AssetType.VIDEO, "mxf", "mxf", "application/mxf");
        }
        if (startsWith(h, 0, new int[] {0x1A, 0x45, 0xDF, 0xA3})) {
            boolean webm = ascii(h, 0, Math.min(h.length, 64)).contains("webm");
            return webm ? found(AssetType.VIDEO, "webm", "webm", "video/webm")
                    : found(AssetType.VIDEO, "matroska", "mkv", "video/x-matroska");
        }
        if (h.length > 376 && u(h, 0) == 0x47 && u(h, 188) == 0x47 && u(h, 376) == 0x47) {
            return found(AssetType.VIDEO, "mpegts", "ts", "video/mp2t");
        }
        if (h.length > 392 && u(h, 4) == 0x47 && u(h, 196) == 0x47 && u(h, 388) == 0x47) {
            // 192-byte packets: a 4-byte time code, then the TS packet (AVCHD, Blu-ray, HDV from some capture tools)
            return found(AssetType.VIDEO, "m2ts", "m2ts", "video/MP2T");
        }
        if (startsWith(h, 0, new int[] {0x00, 0x00, 0x01, 0xBA})) {
            return found(AssetType.VIDEO, "mpegps", "mpg", "video/mpeg");
        }
        if (h.length >= 128 && be32(h, 8) == 124 && u(h, 124) == 0xFF && u(h, 125) == 0xD8 && u(h, 126) == 0xFF
                && u(h, 127) == 0xDB) {
            // Sony DSC-F1 PMP: a still, a 124-byte header of its own before a JPEG (FFmpeg opens it as MJPEG video)
            return found(AssetType.PHOTO, "pmp", "pmp", "image/x-sony-pmp");
        }
        if (ascii(h, 0, 3).equals(".ra") && u(h, 3) == 0xFD) {
            // bare RealAudio (versions 3 to 5, before the RealMedia container): FFmpeg's rm demuxer reads it
            return found(AssetType.AUDIO, "ra", "ra", "audio/x-pn-realaudio");
        }
        if (ascii(h, 0, 4).equals("MAC ") && h.length >= 6) {
            return found(AssetType.AUDIO, "ape", "ape", "audio/x-ape");
        }
        if (ascii(h, 0, 4).equals("MPCK") || ascii(h, 0, 3).equals("MP+")) {
            return found(AssetType.AUDIO, "mpc", "mpc", "audio/x-musepack");
        }
        if (ascii(h, 0, 4).equals(".snd") && h.length >= 24 && be32(h, 4) >= 24) {
            return found(AssetType.AUDIO, "au", "au", "audio/basic");
        }
        if (ascii(h, 0, 4).equals("caff") && h.length >= 8 && u(h, 4) == 0 && u(h, 5) == 1) {
            return found(AssetType.AUDIO, "caf", "caf", "audio/x-caf");
        }
        if (ascii(h, 0, 19).equals("Creative Voice File")) {
            return found(AssetType.AUDIO, "voc", "voc", "audio/x-voc");
        }
        if (ascii(h, 0, 4).equals("fLaC")) {
            return found(AssetType.AUDIO, "flac", "flac", "audio/flac");
        }
        if (ascii(h, 0, 4).equals("OggS")) {
            return found(AssetType.AUDIO, "ogg", "ogg", "audio/ogg");
        }
        if (ascii(h, 0, 3).equals("ID3")) {
            return id3(h, size);
        }
        if (u(h, 0) == 0xFF && (u(h, 1) & 0xF6) == 0xF0) {
            return found(AssetType.AUDIO, "aac", "aac", "audio/aac");
        }
        if (u(h, 0) == 0xFF && (u(h, 1) & 0xE0) == 0xE0 && mp3FrameHeader(h)) {
            return found(AssetType.AUDIO, "mp3", "mp3", "audio/mpeg");
        }
        return Optional.empty();
    }

    /** TIFF-structured camera RAW formats, known by their file name (their content is TIFF). */
    private static final Map<String, Detected> TIFF_RAW = Map.ofEntries(
            raw("dng", "dng", "image/x-adobe-dng"), raw("nef", "nef", "image/x-nikon-nef"),
            raw("nrw", "nrw", "image/x-nikon-nrw"), raw("arw", "arw", "image/x-sony-arw"),
            raw("srf", "srf", "image/x-sony-srf"), raw("sr2", "sr2", "image/x-sony-sr2"),
            raw("pef", "pef", "image/x-pentax-pef"), raw("srw", "srw", "image/x-samsung-srw"),
            raw("3fr", "3fr", "image/x-hasselblad-3fr"), raw("erf", "erf", "image/x-epson-erf"),
            raw("kdc", "kdc", "image/x-kodak-kdc"), raw("dcr", "dcr", "image/x-kodak-dcr"),
            raw("mos", "mos", "image/x-leaf-mos"), raw("iiq", "iiq", "image/x-phaseone-iiq"),
            raw("rwl", "rwl", "image/x-leica-rwl"));

    private static Map.Entry<String, Detected> raw(String ext, String format, String mime) {
        return Map.entry(ext, new Detected(AssetType.PHOTO, format, ext, mime));
    }

    /**
     * Most camera RAW formats (NEF, ARW, DNG, PEF, ...) are TIFF inside, told apart only by their name, as
     * exiftool does too: a TIFF-structured file named as one of them is labelled as that RAW format.
     */
    public static Detected refineByName(Detected d, String fileName) {
        if (!d.format().equals("tiff") || fileName == null) {
            return d;
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TIFF_RAW.getOrDefault(ext, d);
    }

    /** Demuxers that read text or other files, never media of their own: refused even when they open a file. */
    private static final Set<String> NOT_MEDIA_DEMUXERS = Set.of("tty", "hls", "concat",
            "ffmetadata", "dash", "smjpeg", "image2", "data", "bin", "idf", "adf", "xbin");

    /**
     * What a file with no known signature is, from the demuxer FFmpeg chose and the streams it found: media only
     * when a real video or audio stream is there and the demuxer is not one that reads text or other files
     * (playlists, concat lists, subtitles, ANSI art). Empty means not media.
     */
    public static Optional<Detected> fromDemuxer(String demuxer, boolean video, boolean audio) {
        return fromDemuxer(demuxer, video, audio, false);
    }

    /** Codecs of single pictures: a file holding one of them (and no sound) is a photo, not a one-frame video. */
    public static final Set<String> STILL_CODECS = Set.of("png", "bmp", "tiff", "jpeg2000", "webp", "qoi", "targa",
            "pcx", "sgi", "sunrast", "xwd", "ppm", "pgm", "pgmyuv", "pbm", "pam", "pfm", "jpegls", "jpegxl", "dds", "exr",
            "hdr", "photocd", "xbm", "xpm", "psd", "dpx", "cri", "vbn", "wbmp", "gem", "pictor", "txd", "alias_pix");

    /**
     * As {@link #fromDemuxer(String, boolean, boolean)}; {@code still} says the file's only stream is one picture
     * (a still-image codec, at most one frame), so it is a photo whatever demuxer read it (a Windows icon's
     * {@code ico}, an image sequence of one).
     */
    public static Optional<Detected> fromDemuxer(String demuxer, boolean video, boolean audio, boolean still) {
        if (demuxer == null || !(video || audio)) {
            return Optional.empty();
        }
        String name = demuxer.split(",")[0].toLowerCase(Locale.ROOT);
        if (NOT_MEDIA_DEMUXERS.contains(name)) {
            return Optional.empty();
        }
        boolean picture = name.endsWith("_pipe") || (still && video && !audio);
        String format = name.endsWith("_pipe") ? name.substring(0, name.length() - "_pipe".length()) : name;
        String ext = format.replaceAll("[^a-z0-9]", "");
        ext = ext.isEmpty() ? "bin" : ext.substring(0, Math.min(8, ext.length()));
        AssetType type = picture ? AssetType.PHOTO : video ? AssetType.VIDEO : AssetType.AUDIO;
        String mime = switch (type) {
            case PHOTO -> "image/x-" + ext;
            case VIDEO -> "video/x-" + ext;
            default -> "audio/x-" + ext;
        };
        return Optional.of(new Detected(type, format, ext, mime));
    }

    /** What the bytes of a refused file look like, as a problem code and its arguments. */
    public record Looks(String code, Object... args) {
    }

    /** The code and arguments {@link #describe} made a description from. */
    static Looks looks(String described) {
        return org.yingzhi.shared.i18n.Texts.parse(described, "problem.notMedia.")
                .map(c -> new Looks(c.key().substring("problem.".length()), c.args()))
                .orElse(new Looks("status.415", described));
    }

    /** A short, printable description of what the bytes look like, for rejection messages. */
    public static String describe(byte[] h) {
        if (h.length == 0) {
            return org.yingzhi.shared.i18n.Texts.en("problem.notMedia.empty");
        }
        String known = knownNotMedia(h);
        if (known != null) {
            return org.yingzhi.shared.i18n.Texts.en("problem.notMedia." + known);
        }
        int printable = 0;
        int n = Math.min(h.length, 512);
        String text = new String(h, 0, n, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0xFFFD)) {
                printable++;
            }
        }
        if (printable > text.length() * 0.95) {
            return org.yingzhi.shared.i18n.Texts.en("problem.notMedia.text");
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, h.length); i++) {
            hex.append(String.format(Locale.ROOT, "%02X ", u(h, i)));
        }
        return org.yingzhi.shared.i18n.Texts.en("problem.notMedia.bytes", hex.toString().trim());
    }

    /**
     * Formats that are known and refused, each with its own reason (their headers are ASCII, so "text" would be
     * untrue): FITS and XISF astronomical images, Flash SWF, JPEG XL (no decoder here: the bundled FFmpeg has no
     * libjxl and no ImageIO reader runs on Java 17), PDF. Null for anything else.
     */
    public static String knownNotMedia(byte[] h) {
        if (ascii(h, 0, 9).equals("SIMPLE  =")) {
            return "fits";
        }
        if (ascii(h, 0, 8).equals("XISF0100")) {
            return "xisf";
        }
        String sig = ascii(h, 0, 3);
        if ((sig.equals("FWS") || sig.equals("CWS") || sig.equals("ZWS")) && h.length >= 8 && u(h, 3) > 0 && u(h, 3) < 64) {
            return "swf";
        }
        if ((h.length >= 2 && u(h, 0) == 0xFF && u(h, 1) == 0x0A)
                || startsWith(h, 0, new int[] {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A})) {
            return "jxl";
        }
        if (ascii(h, 0, 5).equals("%PDF-")) {
            return "pdf";
        }
        return null;
    }

    private static Optional<Detected> isoBrand(String brand) {
        String b = brand.trim().toLowerCase(Locale.ROOT);
        switch (b) {
            case "qt":
                return found(AssetType.VIDEO, "mov", "mov", "video/quicktime");
            case "m4a", "m4b", "m4p":
                return found(AssetType.AUDIO, "m4a", "m4a", "audio/mp4");
            case "heic", "heix", "heim", "heis", "mif1", "msf1":
                return found(AssetType.PHOTO, "heif", "heic", "image/heif");
            case "avif":
                return found(AssetType.PHOTO, "avif", "avif", "image/avif");
            case "crx":
                return found(AssetType.PHOTO, "cr3", "cr3", "image/x-canon-cr3");
            case "3gp4", "3gp5", "3gp6", "3g2a":
                return found(AssetType.VIDEO, "3gp", "3gp", "video/3gpp");
            default:
                return found(AssetType.VIDEO, "mp4", "mp4", "video/mp4");
        }
    }

    /** Raw formats of their own structure (the TIFF-based ones are found as TIFF first). */
    private static Optional<Detected> cameraRaw(byte[] h) {
        if (ascii(h, 0, 2).equals("II") && h.length >= 14 && ascii(h, 6, 8).equals("HEAPCCDR")) {
            return found(AssetType.PHOTO, "crw", "crw", "image/x-canon-crw");
        }
        if (ascii(h, 0, 15).equals("FUJIFILMCCD-RAW")) {
            return found(AssetType.PHOTO, "raf", "raf", "image/x-fuji-raf");
        }
        if (startsWith(h, 0, new int[] {0x00, 'M', 'R', 'M'})) {
            return found(AssetType.PHOTO, "mrw", "mrw", "image/x-minolta-mrw");
        }
        if (startsWith(h, 0, new int[] {'I', 'I', 'U', 0x00})) {
            return found(AssetType.PHOTO, "rw2", "rw2", "image/x-panasonic-rw2");
        }
        if (ascii(h, 0, 4).equals("IIRO") || ascii(h, 0, 4).equals("IIRS") || ascii(h, 0, 4).equals("MMOR")) {
            return found(AssetType.PHOTO, "orf", "orf", "image/x-olympus-orf");
        }
        if (ascii(h, 0, 4).equals("FOVb")) {
            return found(AssetType.PHOTO, "x3f", "x3f", "image/x-sigma-x3f");
        }
        return Optional.empty();
    }

    /** The first atom's size (32-bit, or 64-bit when 1; 0 means "to the end") fits the file. */
    private static boolean atomFits(byte[] h, long size) {
        long atom = be32(h, 0);
        if (atom == 1) {
            if (h.length < 16) {
                return false;
            }
            atom = (be32(h, 8) << 32) | be32(h, 12);
            return atom >= 16 && atom <= size;
        }
        return atom == 0 || (atom >= 8 && atom <= size);
    }

    /**
     * An ID3v2 tag: version 2-4, a syncsafe size (every byte under 0x80) that fits the file, and where the tag ends
     * inside the head, MPEG audio frames after it (zero padding allowed). "ID3" followed by a web page is not MP3.
     */
    private static Optional<Detected> id3(byte[] h, long size) {
        if (h.length < 10 || u(h, 3) < 2 || u(h, 3) > 4 || u(h, 4) == 0xFF
                || (u(h, 6) | u(h, 7) | u(h, 8) | u(h, 9)) >= 0x80) {
            return Optional.empty();
        }
        long tag = 10 + ((long) u(h, 6) << 21 | u(h, 7) << 14 | u(h, 8) << 7 | u(h, 9)) + ((u(h, 5) & 0x10) != 0 ? 10 : 0);
        if (tag >= size) {
            return Optional.empty();
        }
        int i = (int) Math.min(tag, Integer.MAX_VALUE);
        while (i < h.length && h[i] == 0) {
            i++;
        }
        if (i + 4 <= h.length) {
            byte[] frame = java.util.Arrays.copyOfRange(h, i, i + 4);
            boolean mpeg = u(frame, 0) == 0xFF && (u(frame, 1) & 0xE0) == 0xE0 && mp3FrameHeader(frame);
            boolean adts = u(frame, 0) == 0xFF && (u(frame, 1) & 0xF6) == 0xF0;
            // Musepack and Monkey's Audio files from ripping tools often begin with an ID3v2 tag too
            if (ascii(h, i, 4).equals("MPCK") || ascii(h, i, 3).equals("MP+")) {
                return found(AssetType.AUDIO, "mpc", "mpc", "audio/x-musepack");
            }
            if (ascii(h, i, 4).equals("MAC ")) {
                return found(AssetType.AUDIO, "ape", "ape", "audio/x-ape");
            }
            if (!mpeg && !adts && !ascii(h, i, 4).equals("fLaC")) {
                return Optional.empty();
            }
            if (adts) {
                return found(AssetType.AUDIO, "aac", "aac", "audio/aac");
            }
            if (!mpeg) {
                return found(AssetType.AUDIO, "flac", "flac", "audio/flac");
            }
        }
        return found(AssetType.AUDIO, "mp3", "mp3", "audio/mpeg");
    }

    private static long be32(byte[] h, int off) {
        return ((long) u(h, off) << 24) | (u(h, off + 1) << 16) | (u(h, off + 2) << 8) | u(h, off + 3);
    }

    private static long le32(byte[] h, int off) {
        return ((long) u(h, off + 3) << 24) | (u(h, off + 2) << 16) | (u(h, off + 1) << 8) | u(h, off);
    }

    private static boolean mp3FrameHeader(byte[] h) {
        int version = (u(h, 1) >> 3) & 0x3;
        int layer = (u(h, 1) >> 1) & 0x3;
        int bitrate = (u(h, 2) >> 4) & 0xF;
        int sampleRate = (u(h, 2) >> 2) & 0x3;
        return version != 1 && layer != 0 && bitrate != 0 && bitrate != 0xF && sampleRate != 3;
    }

    private static Optional<Detected> found(AssetType t, String format, String ext, String mime) {
        return Optional.of(new Detected(t, format, ext, mime));
    }

    private static boolean startsWith(byte[] h, int off, int[] sig) {
        if (h.length < off + sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (u(h, off + i) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] h, int off, int len) {
        if (h.length < off + len) {
            return "";
        }
        return new String(h, off, len, StandardCharsets.ISO_8859_1);
    }

    private static int u(byte[] h, int i) {
        return h[i] & 0xFF;
    }
}
