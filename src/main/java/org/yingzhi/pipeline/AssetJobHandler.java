package org.yingzhi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.yingzhi.shared.i18n.Texts;
import org.bson.types.ObjectId;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Step;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobHandler;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.storage.MediaStore;

/**
 * Common frame of the derivative handlers: re-reads the asset (skipping deleted ones), finds the original, and
 * turns a media error into a final failure, since the same bytes will not decode better on another try.
 * Handlers return {@link org.yingzhi.asset.StepResult}s, which the asset records with the step's state.
 */
abstract class AssetJobHandler implements JobHandler {

    protected final AssetReader assets;
    protected final MediaStore store;
    protected final MediaToolkit toolkit;
    private final Step step;

    AssetJobHandler(Step step, AssetReader assets, MediaStore store, MediaToolkit toolkit) {
        this.step = step;
        this.assets = assets;
        this.store = store;
        this.toolkit = toolkit;
    }

    @Override
    public final String type() {
        return step.key();
    }

    @Override
    public final boolean lengthy() {
        return step.lengthy();
    }

    @Override
    public final JobOutcome run(Job job) throws Exception {
        if (!Step.SUBJECT_KIND.equals(job.subject().kind()) || !ObjectId.isValid(job.subject().id())) {
            return new JobOutcome.Failed("job " + job.id() + " is not about an asset", false);
        }
        Asset asset = assets.findById(new ObjectId(job.subject().id())).orElse(null);
        if (asset == null || asset.deleted()) {
            return new JobOutcome.Skipped("asset deleted");
        }
        Path original = store.original(asset.original().sha256(), asset.original().ext());
        if (!Files.isReadable(original)) {
            return new JobOutcome.Failed("the original is missing from the media store", false);
        }
        try {
            return JobOutcome.done(process(asset, original));
        } catch (MediaException e) {
            return new JobOutcome.Failed(e.getMessage(), false);
        }
    }

    /** Makes the derivative; returns what to record on the asset. */
    protected abstract org.yingzhi.asset.StepResult process(Asset asset, Path original) throws Exception;

    /**
     * How long the source's stream of a kind ("video", "audio") lasts by the catalog: the stream's own duration,
     * else the file's; 0 when unknown.
     */
    protected static long sourceMicros(Asset asset, String kind) {
        if (asset.media() == null) {
            return 0;
        }
        return asset.media().streams().stream().filter(s -> kind.equals(s.kind()) && s.durationMicros() != null)
                .map(s -> s.durationMicros()).findFirst().orElse(asset.durationMicros().orElse(0L));
    }

    /**
     * A derivative is done only when it holds what it should: something at all, and, when the source's length is
     * known, at least nine tenths of it (less one second). An empty or short one fails the step with the reason
     * (a header-only MP4 from a stream that decoded to nothing is not a proxy).
     */
    protected static void requireLength(String what, long madeMicros, long sourceMicros, long bytes) {
        if (madeMicros <= 0) {
            throw new MediaException(Texts.en("reason.job." + what + "Empty", bytes));
        }
        if (sourceMicros > 0 && madeMicros < sourceMicros * 0.9 - 1_000_000) {
            throw new MediaException(Texts.en("reason.job." + what + "Short", seconds(madeMicros), seconds(sourceMicros)));
        }
    }

    private static String seconds(long micros) {
        return String.format(java.util.Locale.ROOT, "%.2f", micros / 1_000_000.0);
    }

    /** Duration from the catalog, or a final failure when the probe could not tell it. */
    protected static long durationMicros(Asset asset) {
        return asset.durationMicros().orElseThrow(() -> new MediaException("duration unknown: the file could not be probed"));
    }
}
