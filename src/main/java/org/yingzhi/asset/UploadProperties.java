package org.yingzhi.asset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Upload limits; the multipart limits of the servlet container are set from the same values. */
@ConfigurationProperties("yingzhi.upload")
public record UploadProperties(DataSize maxFileSize) {

    public UploadProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(50) : maxFileSize;
    }
}
