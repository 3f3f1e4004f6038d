package org.yingzhi.asset;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository.F;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobEvents;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobRepository;
import org.yingzhi.job.JobType;

/**
 * The asset's side of background processing: which steps it needs, their status under {@code processing.steps},
 * the results jobs write, and the asset status derived from the steps.
 */
@Component
public class AssetProcessing implements JobEvents {

    private static final Logger log = LoggerFactory.getLogger(AssetProcessing.class);

    private final AssetRepository assets;
    private final JobRepository jobs;

    public AssetProcessing(AssetRepository assets, JobRepository jobs) {
        this.assets = assets;
        this.jobs = jobs;
    }

    /** The processing section of a new asset: every planned step QUEUED. Goes into the insert itself. */
    static Document plan(Document asset) {
        Document steps = new Document();
        for (JobType t : PipelinePlan.stepsFor(asset)) {
            steps.append(t.step(), new Document("status", "QUEUED"));
        }
        return new Document("steps", steps);
    }

    /** Queues the jobs of the planned steps (idempotent: existing jobs are left alone). */
    void enqueuePlanned(Document asset) {
        Document processing = asset.get(F.PROCESSING, Document.class);
        if (processing == null) {
            return;
        }
        for (String step : processing.get("steps", Document.class).keySet()) {
            jobs.enqueue(asset.getObjectId(F.ID), JobType.ofStep(step));
        }
    }

    /** Runs chosen steps again; a step that the asset's type does not have is an error. */
    List<JobType> reprocess(Document asset, List<JobType> chosen) {
        List<JobType> planned = PipelinePlan.stepsFor(asset);
        List<JobType> steps = chosen == null || chosen.isEmpty() ? planned : chosen;
        for (JobType t : steps) {
            if (!planned.contains(t)) {
                throw new IllegalArgumentException("a " + asset.getString(F.TYPE) + " asset has no step '" + t.step()
                        + "'; its steps are " + planned.stream().map(JobType::step).toList());
            }
        }
        ObjectId id = asset.getObjectId(F.ID);
        Document set = new Document();
        for (JobType t : steps) {
            set.append(F.PROCESSING + ".steps." + t.step() + ".status", "QUEUED");
        }
        assets.set(id, set);
        for (JobType t : steps) {
            jobs.requeue(id, t);
        }
        recomputeStatus(id);
        return steps;
    }

    @Override
    public void started(Job job) {
        assets.set(job.assetId(), new Document(stepField(job.type()), new Document("status", "RUNNING")
                .append("attempts", job.attempt()).append("startedAt", new Date())));
        recomputeStatus(job.assetId());
    }

    @Override
    public void finished(Job job, JobOutcome outcome, long millis) {
        Document step = new Document("status", "DONE").append("attempts", job.attempt())
                .append("finishedAt", new Date()).append("millis", millis);
        Document set = new Document();
        if (outcome instanceof JobOutcome.Done done) {
            set.putAll(done.assetFields());
        } else if (outcome instanceof JobOutcome.Skipped skipped) {
            step.append("status", "SKIPPED").append("note", skipped.reason());
        }
        set.append(stepField(job.type()), step);
        assets.set(job.assetId(), set);
        recomputeStatus(job.assetId());
    }

    @Override
    public void failed(Job job, String error, boolean willRetry) {
        assets.set(job.assetId(), new Document(stepField(job.type()), new Document("status", willRetry ? "QUEUED" : "FAILED")
                .append("attempts", job.attempt()).append("error", error).append("finishedAt", new Date())));
        recomputeStatus(job.assetId());
    }

    /** Assets whose jobs were never queued (a crash right after the insert) get them now. */
    @Override
    public void sweep() {
        for (Document a : assets.ingestedBefore(new Date(System.currentTimeMillis() - 30_000), 500)) {
            enqueuePlanned(a);
        }
    }

    private void recomputeStatus(ObjectId id) {
        for (int i = 0; i < 20; i++) {
            Optional<Document> a = assets.findById(id);
            if (a.isEmpty()) {
                return;
            }
            Document processing = a.get().get(F.PROCESSING, Document.class);
            String status = PipelinePlan.statusOf(processing);
            if (status.equals(a.get().getString(F.STATUS)) || assets.setStatusIf(id, processing, status)) {
                return;
            }
        }
        log.warn("status of asset {} kept changing under me; the next step will set it", id);
    }

    private static String stepField(JobType t) {
        return F.PROCESSING + ".steps." + t.step();
    }
}
