package org.yingzhi.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the queue with {@code yingzhi.jobs.concurrency} worker threads in processes whose {@code yingzhi.role} is
 * {@code all} or {@code worker}. A failure never escapes a worker thread: it is recorded on the job and, through its type's
 * {@link JobEvents}, on the job's subject.
 * <p>
 * Two lanes. A worker takes the oldest due <em>short</em> job first (previews, posters, waveforms: seconds), and a
 * {@linkplain JobHandler#lengthy() lengthy} one (proxies, sprites, scene detection: minutes for a long clip) only
 * when no short one waits and fewer than {@code concurrency - 1} lengthy jobs run in this process. So with two
 * workers one is always free for short work: a photo uploaded after a two-hour tape gets its preview in seconds,
 * not after the tape's proxy. With {@code concurrency = 1} short jobs still go first, but a running encode is not
 * interrupted.
 */
@Component
public class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository jobs;
    private final JobHandlers handlers;
    private final JobEventRouter events;
    private final List<JobRecovery> recoveries;
    private final JobProperties props;
    private final boolean enabled;
    private final String owner;
    private final Set<Job> held = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private final java.util.concurrent.Semaphore lengthySlots;
    private final Set<String> shortTypes;

    JobRunner(JobRepository jobs, JobHandlers handlers, JobEventRouter events, List<JobRecovery> recoveries,
            JobProperties props, @Value("${yingzhi.role:all}") String role) {
        this.jobs = jobs;
        this.handlers = handlers;
        this.events = events;
        this.recoveries = recoveries;
        this.props = props;
        if (!Set.of("all", "api", "worker").contains(role)) {
            throw new IllegalStateException("yingzhi.role must be all, api or worker, not '" + role + "'");
        }
        this.enabled = !role.equals("api");
        this.lengthySlots = new java.util.concurrent.Semaphore(Math.max(1, props.concurrency() - 1));
        this.shortTypes = handlers.types().stream().filter(t -> !handlers.get(t).lengthy())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.owner = hostName() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        for (int i = 0; i < props.concurrency(); i++) {
            // not daemons: in a worker process (no web server) they are what keeps the JVM alive
            Thread t = new Thread(this::loop, "job-worker-" + i);
            t.start();
            workers.add(t);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-lease");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(200, props.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::requeueLostWork, 1000, props.sweep().toMillis(), TimeUnit.MILLISECONDS);
        log.info("job workers started: {} threads as {}", props.concurrency(), owner);
    }

    private void loop() {
        // before any job: the threads FFmpeg starts for it inherit the value
        if (props.nice() > 0 && !org.yingzhi.shared.os.ThreadNice.lower(props.nice())) {
            log.info("job worker {}: could not lower its priority to nice {} (no renice or /proc here); it runs "
                    + "at the process's priority", Thread.currentThread().getName(), props.nice());
        }
        while (running) {
            try {
                Optional<Job> job = jobs.claim(owner, props.lease().toMillis(), shortTypes);
                boolean slot = false;
                if (job.isEmpty() && lengthySlots.tryAcquire()) {
                    slot = true;
                    job = jobs.claim(owner, props.lease().toMillis(), null);
                }
                try {
                    if (job.isEmpty()) {
                        Thread.sleep(props.poll().toMillis());
                        continue;
                    }
                    run(job.get());
                } finally {
                    if (slot) {
                        lengthySlots.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the catalog may be briefly unreachable; keep polling
                log.warn("job loop: {}", e.toString());
                sleepQuietly(props.poll().toMillis() * 4);
            }
        }
    }

    void run(Job job) {
        held.add(job);
        long t0 = System.nanoTime();
        JobEvents recorder = events.forType(job.type());
        try {
            recorder.started(job);
            JobOutcome outcome;
            try {
                outcome = handlers.get(job.type()).run(job);
            } catch (Exception | LinkageError e) {
                log.warn("job {} (try {}) failed", job.id(), job.attempt(), e);
                outcome = new JobOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), transientFailure(e));
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (outcome instanceof JobOutcome.Failed f) {
                boolean retry = f.retryable() && job.attempt() < props.maxAttempts();
                Date at = retry ? new Date(System.currentTimeMillis() + props.backoffAfter(job.attempt()).toMillis()) : null;
                recorder.failed(job, f.error(), retry);
                jobs.fail(job, f.error(), at);
                log.info("job {} failed (try {}{}): {}", job.id(), job.attempt(), retry ? ", will retry" : ", final",
                        f.error());
            } else {
                recorder.finished(job, outcome, millis);
                if (!jobs.finish(job, owner, millis)) {
                    log.warn("job {} finished but its claim had been lost (lease expired?)", job.id());
                }
                log.debug("job {} done in {} ms", job.id(), millis);
            }
        } finally {
            held.remove(job);
        }
    }

    /**
     * Whether another try may succeed: input/output, the catalog, a timeout or an interruption. Anything else (a
     * file FFmpeg cannot decode, a null or an illegal value in the handler) fails the same way every time, so the
     * failure is final at once instead of after every retry and its backoff.
     */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException
                    || t instanceof com.mongodb.MongoException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof InterruptedException || t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private void renewLeases() {
        for (Job j : held) {
            try {
                if (!jobs.renew(j, props.lease().toMillis())) {
                    log.warn("lost the lease of job {}", j.id());
                }
            } catch (RuntimeException e) {
                log.warn("lease renewal failed: {}", e.toString());
            }
        }
    }

    private void requeueLostWork() {
        for (JobRecovery r : recoveries) {
            try {
                r.requeueLostWork();
            } catch (RuntimeException e) {
                log.warn("requeueing lost work failed in {}: {}", r.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /**
     * Stops taking work, lets running jobs finish for {@code shutdown-grace}, then hands back the ones still running
     * so that another worker starts them at once. Their threads may still be inside FFmpeg; if they finish later
     * their result is written again by the next run (handlers are idempotent) and their claim no longer counts.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        long until = System.currentTimeMillis() + props.shutdownGrace().toMillis();
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, until - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (Job j : held) {
            try {
                if (jobs.release(j)) {
                    log.info("handed back job {} on shutdown", j.id());
                }
            } catch (RuntimeException e) {
                log.warn("could not hand back job {}: {}; it is taken over when its lease expires", j.id(), e.toString());
            }
        }
        for (Thread t : workers) {
            t.interrupt();
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public String owner() {
        return owner;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "host";
        }
    }
}
