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
}
