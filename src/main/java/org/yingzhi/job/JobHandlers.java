package org.yingzhi.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Exactly one handler per job type, checked when the application starts. */
@Component
public class JobHandlers {

    private final Map<JobType, JobHandler> byType = new EnumMap<>(JobType.class);

    public JobHandlers(List<JobHandler> handlers) {
        for (JobHandler h : handlers) {
            JobHandler previous = byType.put(h.type(), h);
            if (previous != null) {
                throw new IllegalStateException("two handlers for job type " + h.type() + ": "
                        + previous.getClass().getName() + " and " + h.getClass().getName());
            }
        }
        for (JobType t : JobType.values()) {
            if (!byType.containsKey(t)) {
                throw new IllegalStateException("no handler for job type " + t);
            }
        }
    }

    public JobHandler get(JobType type) {
        return byType.get(type);
    }
}
