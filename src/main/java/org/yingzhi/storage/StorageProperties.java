package org.yingzhi.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The data directory: media store, temp files and (in embedded mode) the catalog file. */
@ConfigurationProperties("yingzhi.storage")
public record StorageProperties(Path dataDir) {

    public StorageProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
    }
}
