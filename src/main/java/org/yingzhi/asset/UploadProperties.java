package org.yingzhi.asset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits: the largest file (the container's multipart limits are set from it), how many request bodies
 * are read at once, and the free space kept on the data directory's file system.
 */
@ConfigurationProperties("yingzhi.upload")
public record UploadProperties(DataSize maxFileSize, Integer maxConcurrent, DataSize diskReserve) {

    public UploadProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(50) : maxFileSize;
        maxConcurrent = maxConcurrent == null || maxConcurrent < 1 ? 100 : maxConcurrent;
        diskReserve = diskReserve == null ? DataSize.ofGigabytes(1) : diskReserve;
    }
}
