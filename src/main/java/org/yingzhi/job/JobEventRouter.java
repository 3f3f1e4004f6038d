package org.yingzhi.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Routes each job's events to the {@link JobEvents} bean that declares its type; at most one per type. */
@Component
class JobEventRouter {

    private static final JobEvents NONE = new JobEvents() {
        @Override
        public java.util.Set<String> types() {
            return java.util.Set.of();
        }

        @Override
        public void started(Job job) {
        }

        @Override
        public void finished(Job job, JobOutcome outcome, long millis) {
        }

        @Override
        public void failed(Job job, String error, boolean willRetry) {
        }
    };

    private final Map<String, JobEvents> byType = new HashMap<>();

    JobEventRouter(List<JobEvents> events) {
        for (JobEvents e : events) {
            for (String t : e.types()) {
                JobEvents previous = byType.put(t, e);
                if (previous != null) {
                    throw new IllegalStateException("two recorders of job type " + t + ": "
                            + previous.getClass().getName() + " and " + e.getClass().getName());
                }
            }
        }
    }

    JobEvents forType(String type) {
        return byType.getOrDefault(type, NONE);
    }
}
