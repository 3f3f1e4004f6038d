package org.yingzhi.upload;

import java.time.Instant;

/**
 * A resumable upload as stored: who sends it, the file's name and length, how many bytes have arrived (the
 * offset), the description to catalog it with (JSON), when it expires if abandoned, and the asset it became.
 */
record Upload(String id, String user, String fileName, long length, long offset, String description,
        Instant createdAt, Instant expiresAt, String asset) {
}
