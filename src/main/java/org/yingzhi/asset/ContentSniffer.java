package org.yingzhi.asset;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what a file is from its first bytes, never from its name: a text file called {@code .mp4} is text.
 * Covers the containers a broadcaster and aid units hand over (MOV/MP4, MXF, MPEG-TS/PS, Matroska, AVI, WAV,
 * MP3, AAC, FLAC, Ogg, JPEG, PNG, TIFF/RAW, HEIF, WebP, GIF).
 */
public final class ContentSniffer {

    /** A recognised format: its media type, a short format name, the stored extension and a MIME type. */
    public record Detected(AssetType type, String format, String ext, String mime) {
    }

    private ContentSniffer() {
    }

    public static Optional<Detected> detect(byte[] h) {
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
            return found(AssetType.PHOTO, "tiff", "tif", "image/tiff");
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
        if (h.length >= 12 && ascii(h, 4, 4).equals("ftyp")) {
            return isoBrand(ascii(h, 8, 4));
        }
        if (h.length >= 8) {
            String box = ascii(h, 4, 4);
            if (box.equals("moov") || box.equals("mdat") || box.equals("wide") || box.equals("free")
                    || box.equals("skip") || box.equals("pnot")) {
                return found(AssetType.VIDEO, "mov", "mov", "video/quicktime");
            }
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
        if (startsWith(h, 0, new int[] {0x00, 0x00, 0x01, 0xBA})) {
            return found(AssetType.VIDEO, "mpegps", "mpg", "video/mpeg");
        }
        if (ascii(h, 0, 4).equals("fLaC")) {
            return found(AssetType.AUDIO, "flac", "flac", "audio/flac");
        }
        if (ascii(h, 0, 4).equals("OggS")) {
            return found(AssetType.AUDIO, "ogg", "ogg", "audio/ogg");
        }
        if (ascii(h, 0, 3).equals("ID3")) {
            return found(AssetType.AUDIO, "mp3", "mp3", "audio/mpeg");
        }
        if (u(h, 0) == 0xFF && (u(h, 1) & 0xF6) == 0xF0) {
            return found(AssetType.AUDIO, "aac", "aac", "audio/aac");
        }
        if (u(h, 0) == 0xFF && (u(h, 1) & 0xE0) == 0xE0 && mp3FrameHeader(h)) {
            return found(AssetType.AUDIO, "mp3", "mp3", "audio/mpeg");
        }
        return Optional.empty();
    }

    /** A short, printable description of what the bytes look like, for rejection messages. */
    public static String describe(byte[] h) {
        if (h.length == 0) {
            return "the file is empty";
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
            return "the content is text, not media";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, h.length); i++) {
            hex.append(String.format(Locale.ROOT, "%02X ", u(h, i)));
        }
        return "the content starts with bytes " + hex.toString().trim() + ", which is no known video, audio or image format";
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
