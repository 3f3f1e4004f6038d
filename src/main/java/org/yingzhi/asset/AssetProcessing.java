package org.yingzhi.asset;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobEvents;
import org.yingzhi.job.JobHandlers;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobRecovery;
import org.yingzhi.job.JobQueue;
import org.yingzhi.job.JobProperties;
import org.yingzhi.job.JobStatus;
import org.yingzhi.job.Scope;
import org.yingzhi.job.Subject;

/**
 * The asset's side of background processing: which steps it needs, their state under {@code processing.steps},
 * what finished steps made, and the asset status derived from the steps. Records the events of the asset step
 * job types, and queues the steps that a crash left unqueued.
 */
@Component
public class AssetProcessing implements JobEvents, JobRecovery {

    private static final Logger log = LoggerFactory.getLogger(AssetProcessing.class);

    private final AssetRepository assets;
    private final JobQueue jobs;
    private final Set<String> types = new LinkedHashSet<>(Step.keys());

    private final JobProperties jobProps;

    public AssetProcessing(AssetRepository assets, JobQueue jobs, JobHandlers handlers, JobProperties jobProps) {
        this.jobProps = jobProps;
        this.assets = assets;
        this.jobs = jobs;
        handlers.requireAll(types);
    }

    static Subject subject(String assetId) {
        return new Subject(Step.SUBJECT_KIND, assetId);
    }

    /** yingzhi.jobs.queue-pause: widens the window a crash test aims its kill at; zero (no pause) otherwise. */
    private void pauseForCrashTests() {
        if (!jobProps.queuePause().isZero()) {
            log.warn("queue-pause: {} ms before queueing a job (crash tests only)", jobProps.queuePause().toMillis());
            try {
                Thread.sleep(jobProps.queuePause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Who sees the asset's jobs in the queue: its unit's contributors and the office; administrators once deleted. */
    static Scope scope(Asset asset) {
        return new Scope(asset.contributorUnit(), asset.deleted());
    }

    /** After a change of unit, a delete or a restore: the asset's jobs follow it in the queue. */
    void rescope(Asset asset) {
        jobs.setScope(subject(asset.id()), scope(asset));
    }

    /** The processing section of a new asset: every planned step QUEUED. Goes into the insert itself. */
    static Document plan(List<Step> steps) {
        Document state = new Document();
        for (Step s : steps) {
            state.append(s.key(), new Document("status", StepStatus.QUEUED.name()));
        }
        return new Document("steps", state);
    }

    /** Queues the jobs of the asset's recorded steps (idempotent: existing jobs are left alone). */
    void enqueuePlanned(Asset asset) {
        for (String step : asset.processing().steps().keySet()) {
            pauseForCrashTests();
            jobs.enqueue(subject(asset.id()), step, scope(asset));
        }
    }

    /** {@link #enqueuePlanned} for a batch of new assets, with one write. */
    void enqueuePlannedAll(List<Asset> assets) {
        List<JobQueue.Wanted> wanted = new java.util.ArrayList<>();
        for (Asset asset : assets) {
            for (String step : asset.processing().steps().keySet()) {
                wanted.add(new JobQueue.Wanted(subject(asset.id()), step, scope(asset)));
            }
        }
        jobs.enqueueAll(wanted);
    }

    /** Runs chosen steps again (all of the asset's steps when none are chosen); a step it lacks is an error. */
    List<Step> reprocess(Asset asset, List<Step> chosen) {
        List<Step> planned = PipelinePlan.stepsFor(asset);
        List<Step> steps = chosen == null || chosen.isEmpty() ? planned : chosen;
        for (Step s : steps) {
            if (!planned.contains(s)) {
                throw new IllegalArgumentException("a " + asset.type() + " asset has no step '" + s.key()
                        + "'; its steps are " + planned.stream().map(Step::key).toList());
            }
        }
        ObjectId id = new ObjectId(asset.id());
        assets.recordStepsQueued(id, steps);
        for (Step s : steps) {
            pauseForCrashTests();
            jobs.requeue(subject(asset.id()), s.key(), scope(asset));
        }
        recomputeStatus(id);
        return steps;
    }

    @Override
    public Set<String> types() {
        return types;
    }

    @Override
    public void started(Job job) {
        ObjectId id = assetId(job);
        assets.recordStepStarted(id, Step.ofKey(job.type()), job.attempt());
        recomputeStatus(id);
    }

    @Override
    public void finished(Job job, JobOutcome outcome, long millis) {
        ObjectId id = assetId(job);
        StepResult result = null;
        String skipped = null;
        if (outcome instanceof JobOutcome.Done done && done.result() instanceof StepResult r) {
            result = r;
        } else if (outcome instanceof JobOutcome.Skipped s) {
            skipped = s.reason();
        }
        assets.recordStepFinished(id, Step.ofKey(job.type()), job.attempt(), millis, result, skipped);
        recomputeStatus(id);
    }

    @Override
    public void failed(Job job, String error, boolean willRetry) {
        ObjectId id = assetId(job);
        assets.recordStepFailed(id, Step.ofKey(job.type()), job.attempt(), error, willRetry);
        recomputeStatus(id);
    }

    /**
     * Assets whose jobs were never queued (a crash right after the insert) get them now; and, every few minutes, a
     * walk over the unfinished assets queues every step that is waiting (QUEUED or RUNNING) with no job behind it (a
     * crash between recording the steps and queueing their jobs), so that no asset stays PROCESSING for ever.
     */
    @Override
    public void requeueLostWork() {
        Date settled = new Date(System.currentTimeMillis() - jobProps.settle().toMillis());
        for (Asset a : assets.ingestedBefore(settled, 500)) {
            enqueuePlanned(a);
        }
        if (System.currentTimeMillis() - lastStrandedWalk >= jobProps.strandedWalk().toMillis()) {
            lastStrandedWalk = System.currentTimeMillis();
            int n = requeueStranded(settled);
            if (n > 0) {
                log.warn("queued {} waiting asset steps that had no job (left by a crash)", n);
            }
        }
    }

    private volatile long lastStrandedWalk;

    /** Queues the waiting steps without a job of the unfinished assets last changed before {@code settled}. */
    int requeueStranded(Date settled) {
        int queued = 0;
        ObjectId after = new ObjectId("000000000000000000000000");
        while (true) {
            List<Asset> page = assets.unfinishedBefore(settled, after, 200);
            if (page.isEmpty()) {
                return queued;
            }
            Map<String, Map<String, JobStatus>> jobStates = jobs.statusBySubject(Step.SUBJECT_KIND,
                    page.stream().map(Asset::id).toList());
            for (Asset a : page) {
                Map<String, JobStatus> have = jobStates.getOrDefault(a.id(), Map.of());
                for (Map.Entry<String, StepState> s : a.processing().steps().entrySet()) {
                    StepStatus st = s.getValue().status();
                    JobStatus job = have.get(s.getKey());
                    // waiting, and no job will ever run it: none at all, or one that ended (a reprocess whose
                    // requeue a crash cut off)
                    if ((st == StepStatus.QUEUED || st == StepStatus.RUNNING)
                            && (job == null || job == JobStatus.DONE || job == JobStatus.FAILED)) {
                        jobs.requeue(subject(a.id()), s.getKey(), scope(a));
                        queued++;
                    }
                }
                after = new ObjectId(a.id());
            }
        }
    }

    private static ObjectId assetId(Job job) {
        if (!Step.SUBJECT_KIND.equals(job.subject().kind()) || !ObjectId.isValid(job.subject().id())) {
            throw new IllegalStateException("job " + job.id() + " of an asset step is not about an asset");
        }
        return new ObjectId(job.subject().id());
    }

    private void recomputeStatus(ObjectId id) {
        for (int i = 0; i < 20; i++) {
            Optional<Document> doc = assets.findDocument(id);
            if (doc.isEmpty()) {
                return;
            }
            Asset a = AssetMapper.toAsset(doc.get());
            AssetStatus status = PipelinePlan.statusOf(a.processing().steps());
            Document processingSeen = doc.get().get(AssetFields.PROCESSING, Document.class);
            if (status == a.status() || assets.setStatusIf(id, processingSeen, status)) {
                return;
            }
        }
        log.warn("status of asset {} kept changing under me; the next step will set it", id);
    }
}
