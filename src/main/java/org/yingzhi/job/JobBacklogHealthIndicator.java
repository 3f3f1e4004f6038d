package org.yingzhi.job;

import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.yingzhi.job.JobRepository.JobFields;

/** The job queue in {@code /actuator/health} as "jobs": how many are queued, running and failed (always UP). */
@Component("jobs")
class JobBacklogHealthIndicator implements HealthIndicator {

    private final JobRepository jobs;

    JobBacklogHealthIndicator(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (Document c : jobs.counts(new Document())) {
            byStatus.merge(c.get("_id", Document.class).getString(JobFields.STATUS), c.get("count", Number.class).longValue(),
                    Long::sum);
        }
        return Health.up().withDetails(Map.copyOf(byStatus)).build();
    }
}
