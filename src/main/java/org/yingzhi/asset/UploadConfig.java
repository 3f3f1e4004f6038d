package org.yingzhi.asset;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yingzhi.storage.MediaStore;

/**
 * Multipart parts stream straight to the media store's temp directory (same filesystem as the store, never the
 * heap), with the upload limit applied by the container before our code reads a byte.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfig {

    @Bean
    MultipartConfigElement multipartConfigElement(MediaStore store, UploadProperties limits) {
        long max = limits.maxFileSize().toBytes();
        // the request may carry the metadata part besides the file
        return new MultipartConfigElement(store.tempDir().toString(), max, max + 1024 * 1024, 0);
    }
}
