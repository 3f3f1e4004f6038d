package org.yingzhi.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.MediaException;

/** Which handler failures another try may fix (retried with backoff) and which are final at once. */
class JobFailureKindsTest {

    @Test
    void deterministicFailuresAreFinalAtOnce() {
        assertFalse(JobRunner.transientFailure(new NullPointerException("ColorSpace is null")), "a decoder bug");
        assertFalse(JobRunner.transientFailure(new MediaException("Invalid data found when processing input")));
        assertFalse(JobRunner.transientFailure(new IllegalArgumentException("width 0")));
        assertFalse(JobRunner.transientFailure(new IllegalStateException("no frames")));
    }

    @Test
    void failuresOfTheMachineAreRetried() {
        assertTrue(JobRunner.transientFailure(new IOException("No space left on device")));
        assertTrue(JobRunner.transientFailure(new UncheckedIOException(new IOException("stale NFS handle"))));
        assertTrue(JobRunner.transientFailure(new MediaException("cannot open", new IOException("Input/output error"))),
                "a media failure caused by I/O");
        assertTrue(JobRunner.transientFailure(new com.mongodb.MongoSocketReadException("catalog gone",
                new com.mongodb.ServerAddress())));
    }
}
