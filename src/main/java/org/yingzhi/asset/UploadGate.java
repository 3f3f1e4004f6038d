package org.yingzhi.asset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yingzhi.shared.web.Problems;
import org.yingzhi.storage.MediaStore;

/**
 * Admits request bodies (uploads) before the container reads them, so that the service stays up under slow,
 * stalled or oversized uploads and a nearly full disk.
 * <ul>
 * <li>At most {@code yingzhi.upload.max-concurrent} bodies over 64 KB are read at once; more are answered 503
 * with Retry-After at once. A body that stops arriving holds its slot only until the read timeout
 * ({@code server.tomcat.connection-timeout}); the request threads beyond the slots stay free for everyone else.</li>
 * <li>A body whose declared size and the reserve ({@code yingzhi.upload.disk-reserve}) do not fit in the data
 * directory's free space is refused with 507 before a byte is written.</li>
 * </ul>
 * Runs after sign-in, so anonymous requests take no slot.
 */
@Component
class UploadGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadGate.class);
    static final long SMALL_BODY = 64 * 1024;

    private final Semaphore slots;
    private final MediaStore store;
    private final long reserve;
    private final int max;

    UploadGate(UploadProperties props, MediaStore store) {
        this.max = props.maxConcurrent();
        this.slots = new Semaphore(max);
        this.store = store;
        this.reserve = props.diskReserve().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String m = req.getMethod();
        if (!(m.equals("POST") || m.equals("PUT") || m.equals("PATCH"))) {
            return true;
        }
        long length = req.getContentLengthLong();
        return length >= 0 && length <= SMALL_BODY; // unknown length (chunked) is treated as large
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        long declared = Math.max(0, req.getContentLengthLong());
        long free = store.usableSpace();
        if (free - declared < reserve) {
            log.warn("upload of {} bytes refused: {} bytes free on the data directory, {} kept in reserve", declared,
                    free, reserve);
            res.setHeader("Connection", "close");
            Problems.write(res, 507, "Insufficient storage", "upload.full", req,
                    free / (1024 * 1024), reserve / (1024 * 1024));
            return;
        }
        if (!slots.tryAcquire()) {
            res.setHeader("Retry-After", "30");
            res.setHeader("Connection", "close");
            Problems.write(res, 503, "Busy", "upload.busy", req, max);
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            slots.release();
        }
    }
}
