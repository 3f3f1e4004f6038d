package org.yingzhi.job;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobHandlersTest {

    private static JobHandler handler(JobType t) {
        return new JobHandler() {
            @Override
            public JobType type() {
                return t;
            }

            @Override
            public JobOutcome run(Job job) {
                return new JobOutcome.Skipped("test");
            }
        };
    }

    private static List<JobHandler> all() {
        List<JobHandler> hs = new ArrayList<>();
        for (JobType t : JobType.values()) {
            hs.add(handler(t));
        }
        return hs;
    }

    @Test
    void exactlyOneHandlerPerTypeOrStartUpFails() {
        List<JobHandler> hs = all();
        JobHandlers ok = new JobHandlers(hs);
        assertSame(hs.get(0), ok.get(JobType.values()[0]));

        List<JobHandler> missing = all();
        missing.remove(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new JobHandlers(missing));
        assertTrue(e.getMessage().contains("no handler for job type " + JobType.values()[0]), e.getMessage());

        List<JobHandler> twice = all();
        twice.add(handler(JobType.PROXY));
        assertTrue(assertThrows(IllegalStateException.class, () -> new JobHandlers(twice)).getMessage()
                .contains("two handlers for job type PROXY"));
    }

    @Test
    void stepNamesRoundTrip() {
        for (JobType t : JobType.values()) {
            assertSame(t, JobType.ofStep(t.step()));
        }
        assertSame(JobType.AUDIO_PROXY, JobType.ofStep("audio-proxy"));
        assertThrows(IllegalArgumentException.class, () -> JobType.ofStep("teleport"));
    }
}
