package org.yingzhi.interview;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yingzhi.shared.i18n.CodedArgumentException;

/**
 * What every transcript format shares: decoding the bytes (a byte order mark says UTF-8 or UTF-16; otherwise
 * strict UTF-8, and GB18030 when the bytes are not UTF-8, as files typed on Chinese Windows are), times written as
 * {@code hh:mm:ss.mmm} (WebVTT), {@code hh:mm:ss,mmm} (SRT) or {@code [00:12:03]} (typed transcripts), and who
 * speaks at the start of a line ("问：", "答：", "张晓明：", "BOHNING:").
 */
final class TranscriptText {

    private TranscriptText() {
    }

    record Decoded(String text, String charset) {
    }

    static final Charset GB18030 = Charset.forName("GB18030");

    static Decoded decode(byte[] b) {
        Decoded d = decode0(b);
        if (d.text().indexOf('\u0000') >= 0) {
            // a NUL is no text: a binary file, or UTF-16 without its byte order mark
            throw new CodedArgumentException("transcript.nul");
        }
        return d;
    }

    private static Decoded decode0(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(s, "UTF-8");
        } catch (CharacterCodingException e) {
            try {
                String s = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
                return new Decoded(s, "GB18030");
            } catch (CharacterCodingException e2) {
                throw new CodedArgumentException("transcript.encoding");
            }
        }
    }

    /** Line ends as {@code \n}. */
    static String lines(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static final Pattern TIME = Pattern.compile(
            "(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?");

    /** Milliseconds of {@code hh:mm:ss.mmm}, {@code mm:ss.mmm}, {@code hh:mm:ss,mmm} or {@code hh:mm:ss}. */
    static long millis(String s) {
        Matcher m = TIME.matcher(s.strip());
        if (!m.matches()) {
            throw new CodedArgumentException("transcript.time", s.strip());
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = Long.parseLong(m.group(2));
        long sec = Long.parseLong(m.group(3));
        if (min > 59 || sec > 59) {
            throw new CodedArgumentException("transcript.time", s.strip());
        }
        long ms = 0;
        if (m.group(4) != null) {
            String f = (m.group(4) + "00").substring(0, 3);
            ms = Long.parseLong(f);
        }
        return ((h * 60 + min) * 60 + sec) * 1000 + ms;
    }

    /** {@code hh:mm:ss.mmm}, as WebVTT writes it. */
    static String vtt(long ms) {
        return clock(ms, '.');
    }

    /** {@code hh:mm:ss,mmm}, as SRT writes it. */
    static String srt(long ms) {
        return clock(ms, ',');
    }

    /** {@code hh:mm:ss}, rounded down to the second, as a printed transcript shows it. */
    static String seconds(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String clock(long ms, char sep) {
        ms = Math.max(0, ms);
        return String.format("%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, sep, ms % 1000);
    }

    /** A speaker named at the start of a line, and the rest of it. */
    record Spoken(String speaker, String text) {
    }

    /**
     * "问：", "答：", a name of up to eight Chinese characters (or a Latin name) before a full-width colon, or an
     * upper-case Latin name before an ASCII colon (as OHMS transcripts write "BOHNING:").
     */
    private static final Pattern SPEAKER = Pattern.compile(
            "^\\s*(?:([\\p{IsHan}·]{1,8}|[A-Za-z][A-Za-z .'-]{0,30})\\s*：|([A-Z][A-Z .'-]{1,30}):\\s)\\s*");

    static Spoken speaker(String line) {
        Matcher m = SPEAKER.matcher(line);
        if (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            return new Spoken(name.strip(), line.substring(m.end()));
        }
        return new Spoken(null, line);
    }

    /** Undoes the few character references WebVTT and SRT files carry. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00A0").replace("&lrm;", "\u200E")
                .replace("&rlm;", "\u200F").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
