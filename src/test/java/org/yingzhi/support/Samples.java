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
