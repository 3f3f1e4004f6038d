package org.yingzhi.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Worker settings. {@code concurrency} jobs run at once per process (2 fits 2 cores: a proxy encode uses two
 * threads, the light jobs barely one); a lease is renewed every third of its length while a job runs, so a job
 * whose worker died is picked up again once its lease expires. Every {@code sweep}, work a crash lost (untouched
 * for {@code settle}) is queued again; the walk over unfinished items for it runs every {@code stranded-walk}.
 * Workers run at nice {@code nice} (10): on a busy machine the pages come first, and the jobs take what is left.
 */
@ConfigurationProperties("yingzhi.jobs")
public record JobProperties(Integer concurrency, Duration poll, Duration lease, Integer maxAttempts, Duration backoff,
        Duration sweep, Duration shutdownGrace, Duration settle, Duration strandedWalk, Duration queuePause,
        Integer nice) {

    public JobProperties {
        concurrency = concurrency == null ? 2 : concurrency;
        poll = poll == null ? Duration.ofMillis(500) : poll;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(10) : backoff;
        sweep = sweep == null ? Duration.ofSeconds(30) : sweep;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
        // work is called lost only when untouched this long (a writer may be between two of its steps)
        settle = settle == null ? Duration.ofSeconds(30) : settle;
        // how often the unfinished assets are walked for waiting steps without a live job
        strandedWalk = strandedWalk == null ? Duration.ofMinutes(5) : strandedWalk;
        // fault injection for crash tests only: a pause before queueing each job of recorded steps (default none)
        queuePause = queuePause == null ? Duration.ZERO : queuePause;
        // the workers' nice value (and so their encoders'): pages and uploads are served before them; 0 leaves it
        nice = nice == null ? 10 : nice;
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("yingzhi.jobs.nice: 0 (as the process) to 19");
        }
        if (concurrency < 1 || lease.toMillis() < 1000 || maxAttempts < 1) {
            throw new IllegalArgumentException("yingzhi.jobs: concurrency >= 1, lease >= 1s, max-attempts >= 1");
        }
    }

    /** Wait before try n+1 after n failed tries: backoff, 2x, 4x ... */
    public Duration backoffAfter(int attempts) {
        return backoff.multipliedBy(1L << Math.min(10, Math.max(0, attempts - 1)));
    }
}
