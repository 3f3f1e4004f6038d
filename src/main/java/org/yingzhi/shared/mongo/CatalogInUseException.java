package org.yingzhi.shared.mongo;

import java.nio.file.Path;

/** The embedded catalog file is locked by another process using the same data directory. */
public class CatalogInUseException extends IllegalStateException {

    private final Path file;

    public CatalogInUseException(Path file, Throwable cause) {
        super("the embedded catalog " + file + " is in use by another process", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
