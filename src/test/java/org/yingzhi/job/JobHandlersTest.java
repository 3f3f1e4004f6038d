package org.yingzhi.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobHandlersTest {

    private static final List<String> TYPES = List.of("proxy", "thumbnail", "cut_render");

    private static JobHandler handler(String t) {
        return new JobHandler() {
            @Override
            public String type() {
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
        for (String t : TYPES) {
            hs.add(handler(t));
        }
        return hs;
    }

    @Test
    void exactlyOneHandlerPerTypeOrStartUpFails() {
        List<JobHandler> hs = all();
        JobHandlers ok = new JobHandlers(hs);
        assertSame(hs.get(0), ok.get("proxy"));
        ok.requireAll(TYPES);

        List<JobHandler> missing = all();
        missing.remove(0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new JobHandlers(missing).requireAll(TYPES));
        assertTrue(e.getMessage().contains("no handler for job type proxy"), e.getMessage());

        List<JobHandler> twice = all();
        twice.add(handler("proxy"));
        assertTrue(assertThrows(IllegalStateException.class, () -> new JobHandlers(twice)).getMessage()
                .contains("two handlers for job type proxy"));
        assertThrows(IllegalStateException.class, () -> new JobHandlers(List.of(handler("Not A Type"))));
    }

    @Test
    void eventsAreRoutedByTypeToOneRecorderEach() {
        List<String> seen = new ArrayList<>();
        JobEvents assets = recorder(Set.of("proxy", "thumbnail"), "asset", seen);
        JobEvents cuts = recorder(Set.of("cut_render"), "cut", seen);
        JobEventRouter router = new JobEventRouter(List.of(assets, cuts));
        Job render = new Job("cut:c1:cut_render", new Subject("cut", "c1"), "cut_render", 1, "t");
        router.forType("cut_render").started(render);
        router.forType("proxy").failed(render, "x", false);
        router.forType("outline_import").started(render); // no recorder: the job alone keeps its state
        assertEquals(List.of("cut started cut:c1", "asset failed cut:c1"), seen);
        assertThrows(IllegalStateException.class, () -> new JobEventRouter(List.of(assets,
                recorder(Set.of("proxy"), "other", seen))));
    }

    @Test
    void subjectsAreCheckedBecauseTheyBecomeIds() {
        assertEquals("asset:6b07be901142904022a263c7", new Subject("asset", "6b07be901142904022a263c7").toString());
        assertThrows(IllegalArgumentException.class, () -> new Subject("Asset", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Subject("asset", "a:b"));
        assertThrows(IllegalArgumentException.class, () -> new Subject("asset", ""));
        assertEquals("outline-import:42:outline_import",
                JobRepository.id(new Subject("outline-import", "42"), "outline_import"));
    }

    private static JobEvents recorder(Set<String> types, String name, List<String> seen) {
        return new JobEvents() {
            @Override
            public Set<String> types() {
                return types;
            }

            @Override
            public void started(Job job) {
                seen.add(name + " started " + job.subject());
            }

            @Override
            public void finished(Job job, JobOutcome outcome, long millis) {
                seen.add(name + " finished " + job.subject());
            }

            @Override
            public void failed(Job job, String error, boolean willRetry) {
                seen.add(name + " failed " + job.subject());
            }
        };
    }
}
