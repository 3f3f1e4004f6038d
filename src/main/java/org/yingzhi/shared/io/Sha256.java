package org.yingzhi.shared.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the fingerprint of originals, backups and tokens: a digest to feed, and hex of what is at hand. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest (every Java runtime has SHA-256). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex of a finished digest. */
    public static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    /** Lower-case hex of a text's UTF-8 bytes. */
    public static String of(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex of a file's bytes, read once in 64 KB pieces. */
    public static String of(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
        }
        return hex(md);
    }
}
