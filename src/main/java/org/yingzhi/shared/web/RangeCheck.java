package org.yingzhi.shared.web;

import java.io.IOException;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Checks a request's {@code Range} header before a file is answered. Spring answers a Range it cannot serve (not
 * parseable, more than 100 ranges, or beyond the end) with 416 but still sends the whole file as the body; this
 * answers it 416 with {@code Content-Range: bytes *&#47;length} and no body instead.
 */
public final class RangeCheck {

    private RangeCheck() {
    }

    /** 416 with an empty body if the Range cannot be served; otherwise null (go on and answer the file). */
    public static ResponseEntity<Resource> unsatisfiable(String rangeHeader, Resource file) throws IOException {
        if (rangeHeader == null || rangeHeader.isBlank()) {
            return null;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(rangeHeader);
            HttpRange.toResourceRegions(ranges, file);
            return null;
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.contentLength())
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .build();
        }
    }
}
