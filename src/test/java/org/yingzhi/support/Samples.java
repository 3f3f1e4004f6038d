package org.yingzhi.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed sample media (see samples/README.md). */
public final class Samples {

    public static final Path DIR = Path.of("samples").toAbsolutePath();

    private Samples() {
    }

    public static Path get(String name) {
        Path p = DIR.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample missing: " + p);
        }
        return p;
    }

    /**
     * Writes {@code n} distinct copies of the Lhasa photo into {@code dir} as IMG_0000.jpg …: the same picture with
     * "copy i" after its end marker, so each is a different file to the catalog (a folder of many photos, fast).
     */
    public static void photoCopies(Path dir, int n) throws java.io.IOException {
        byte[] photo = Files.readAllBytes(get("photo-lhasa.jpg"));
        for (int i = 0; i < n; i++) {
            Files.write(dir.resolve(String.format("IMG_%04d.jpg", i)),
                    withTail(photo, ("copy " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** {@code a} followed by {@code b}. */
    public static byte[] withTail(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A file from exiftool's own test suite (t/images of github.com/exiftool/exiftool: metadata as real cameras and
     * tools wrote it, image data cut away), kept in src/test/resources/exiftool-t (see its README).
     */
    public static Path reference(String name) {
        Path p = Path.of("src/test/resources/exiftool-t").toAbsolutePath().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("reference file missing: " + p);
        }
        return p;
    }
}
