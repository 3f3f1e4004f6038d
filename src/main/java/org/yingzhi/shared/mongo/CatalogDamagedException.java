package org.yingzhi.shared.mongo;

import java.nio.file.Path;

/** The embedded catalog file cannot be read back completely: it is not served, and a backup must be restored. */
public class CatalogDamagedException extends IllegalStateException {

    private final Path file;

    public CatalogDamagedException(Path file, Throwable cause) {
        super("the embedded catalog " + file + " is damaged: " + cause.getMessage(), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
