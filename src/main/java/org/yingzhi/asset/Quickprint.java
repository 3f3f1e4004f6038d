package org.yingzhi.asset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A cheap fingerprint a browser can compute before sending a file: its size and the SHA-256 of its first and last
 * mebibyte (of the whole file when it is at most 2 MiB). Equal quickprints only make a duplicate likely; the SHA-256
 * of the whole file, computed by the server as the bytes arrive, is what decides.
 */
public record Quickprint(long size, String head) {

    /** Bytes hashed from each end. */
    public static final int PART = 1 << 20;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Quickprint {
        if (size < 1) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("quickprint.size");
        }
        if (head == null || !HEX.matcher(head).matches()) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("quickprint.hash");
        }
    }

    /** The key under which it is stored. */
    String key() {
        return size + ":" + head;
    }

    public static Quickprint of(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (size <= 2L * PART) {
                read(ch, 0, size, md);
            } else {
                read(ch, 0, PART, md);
                read(ch, size - PART, PART, md);
            }
            return new Quickprint(size, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(FileChannel ch, long from, long length, MessageDigest md) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = from;
        long end = from + length;
        while (pos < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            buf.flip();
            md.update(buf);
            pos += n;
        }
    }
}
