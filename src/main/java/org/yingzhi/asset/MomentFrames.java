package org.yingzhi.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yingzhi.media.Images;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/**
 * A poster for a moment inside a clip: the frame at a linked range's in-point, taken from the browser proxy the
 * first time a page shows it and kept beside the derivatives, so the chapter and index pages show each moment as
 * it begins rather than the clip's one poster. At most two are decoded at once, whatever a page asks for.
 */
@Component
public class MomentFrames {

    /** Widths a still is made at; a request picks the nearest. */
    static final int[] WIDTHS = {160, 320, 640};

    private final AssetQueryService queries;
    private final MediaStore store;
    private final MediaToolkit media;
    private final Semaphore decoding = new Semaphore(2);

    MomentFrames(AssetQueryService queries, MediaStore store, MediaToolkit media) {
        this.queries = queries;
        this.store = store;
        this.media = media;
    }

    /** The JPEG of the frame shown at {@code micros} from the clip's start, {@code width} wide (nearest made). */
    public Path frame(String id, long micros, int width, User user) {
        Asset a = queries.get(id, user);
        Path proxy = queries.derivative(a, Derivative.PROXY, 0); // a video whose proxy is made
        long duration = a.media() != null && a.media().durationMicros() != null ? a.media().durationMicros() : 0;
        if (micros < 0 || (duration > 0 && micros >= duration)) {
            throw ApiException.badRequest("at must lie inside the clip (0 to " + duration / 1e6 + " s)");
        }
        int w = nearest(width);
        long millis = micros / 1000;
        Path cached = store.frame(a.id(), millis, w);
        if (Files.isReadable(cached)) {
            return cached;
        }
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted", "try again");
        }
        try {
            if (Files.isReadable(cached)) {
                return cached;
            }
            var image = media.framesAt(proxy, List.of(millis * 1000), w).get(0);
            return store.writeFrame(a.id(), millis, w, temp -> Images.writeJpeg(image, temp, 0.85f));
        } catch (org.yingzhi.media.MediaException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Frame not decoded",
                    "no frame could be read from the proxy at " + millis / 1000.0 + " s: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decoding.release();
        }
    }

    static int nearest(int width) {
        int best = WIDTHS[0];
        for (int w : WIDTHS) {
            if (Math.abs(w - width) < Math.abs(best - width)) {
                best = w;
            }
        }
        return best;
    }
}
