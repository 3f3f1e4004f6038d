package org.yingzhi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobHandler;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.MediaException;
import org.yingzhi.storage.MediaStore;

/**
 * Common frame of the derivative handlers: re-reads the asset (skipping deleted ones), finds the original, and
 * turns a media error into a final failure, since the same bytes will not decode better on another try.
 */
abstract class AssetJobHandler implements JobHandler {

    protected final AssetRepository assets;
    protected final MediaStore store;
    protected final MediaToolkit toolkit;
    private final JobType type;

    AssetJobHandler(JobType type, AssetRepository assets, MediaStore store, MediaToolkit toolkit) {
        this.type = type;
        this.assets = assets;
        this.store = store;
        this.toolkit = toolkit;
    }

    @Override
    public final JobType type() {
        return type;
    }

    @Override
    public final JobOutcome run(Job job) throws Exception {
        Document asset = assets.findById(job.assetId()).orElse(null);
        if (asset == null || asset.getBoolean(AssetRepository.F.DELETED, false)) {
            return new JobOutcome.Skipped("asset deleted");
        }
        Document o = asset.get(AssetRepository.F.ORIGINAL, Document.class);
        Path original = store.original(o.getString("sha256"), o.getString("ext"));
        if (!Files.isReadable(original)) {
            return new JobOutcome.Failed("the original is missing from the media store", false);
        }
        try {
            return process(job.assetId().toHexString(), asset, original);
        } catch (MediaException e) {
            return new JobOutcome.Failed(e.getMessage(), false);
        }
    }

    protected abstract JobOutcome process(String assetId, Document asset, Path original) throws Exception;

    /** Duration from the catalog, or a final failure when the probe could not tell it. */
    protected static long durationMicros(Document asset) {
        Document media = asset.get(AssetRepository.F.MEDIA, Document.class);
        Number d = media == null ? null : media.get("durationMicros", Number.class);
        if (d == null || d.longValue() <= 0) {
            throw new MediaException("duration unknown: the file could not be probed");
        }
        return d.longValue();
    }
}
