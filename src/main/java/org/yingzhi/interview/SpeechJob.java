package org.yingzhi.interview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobHandler;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.media.MediaException;
import org.yingzhi.shared.i18n.Texts;
import org.yingzhi.storage.MediaStore;

/**
 * The job of one speech engine ({@code speech_<engine>}, subject {@code asset:<id>}): reads the original, asks the
 * engine, and saves a new transcript marked as a machine draft (or as sentences cut at pauses), naming the engine
 * and model. Running it again makes a fresh draft; nothing a person typed is ever overwritten.
 */
public abstract class SpeechJob implements JobHandler {

    private final SpeechEngine engine;
    private final AssetReader assets;
    private final MediaStore store;
    /** Lazily: the transcripts service reaches the asset catalog, which itself needs the job handlers. */
    private final ObjectProvider<TranscriptService> transcripts;
    private final InterviewShelf shelf;

    SpeechJob(SpeechEngine engine, AssetReader assets, MediaStore store, ObjectProvider<TranscriptService> transcripts, InterviewShelf shelf) {
        this.engine = engine;
        this.assets = assets;
        this.store = store;
        this.transcripts = transcripts;
        this.shelf = shelf;
    }

    @Override
    public String type() {
        return Recognition.PREFIX + engine.name();
    }

    @Override
    public boolean lengthy() {
        return true;
    }

    @Override
    public JobOutcome run(Job job) throws Exception {
        if (!ObjectId.isValid(job.subject().id())) {
            return new JobOutcome.Failed("job " + job.id() + " is not about an asset", false);
        }
        Asset a = assets.findById(new ObjectId(job.subject().id())).orElse(null);
        if (a == null || a.deleted()) {
            return new JobOutcome.Skipped("asset deleted");
        }
        if (engine.unavailable().isPresent()) {
            return new JobOutcome.Failed(Texts.en(Texts.PROBLEM + engine.unavailable().get(), engine.name()), false);
        }
        Path original = store.original(a.original().sha256(), a.original().ext());
        if (!Files.isReadable(original)) {
            return new JobOutcome.Failed("the original is missing from the media store", false);
        }
        long duration = a.durationMicros().map(d -> d / 1000).orElse(0L);
        String language = shelf.interviewOf(a.id()).flatMap(i -> i.languages().stream().findFirst()).orElse("zh");
        List<Cue> cues;
        try {
            cues = engine.recognize(original, language, duration);
        } catch (MediaException e) {
            return new JobOutcome.Failed(e.getMessage(), false);
        }
        if (cues.isEmpty()) {
            return new JobOutcome.Failed(Texts.en(Texts.PROBLEM + "speech.nothing", engine.name()), false);
        }
        Transcript t = transcripts.getObject().saveDraft(a, engine.words() ? Transcript.Kind.MACHINE : Transcript.Kind.PRECUT,
                language, engine.name(), engine.model(), cues, List.of());
        return JobOutcome.done(t.id());
    }

    /** Sentences cut at pauses. */
    @Component
    static class Silence extends SpeechJob {
        Silence(SilenceCuts engine, AssetReader assets, MediaStore store, ObjectProvider<TranscriptService> transcripts, InterviewShelf shelf) {
            super(engine, assets, store, transcripts, shelf);
        }
    }

    /** The office's own recogniser, when one is configured. */
    @Component
    static class Command extends SpeechJob {
        Command(CommandSpeechEngine engine, AssetReader assets, MediaStore store, ObjectProvider<TranscriptService> transcripts,
                InterviewShelf shelf) {
            super(engine, assets, store, transcripts, shelf);
        }
    }
}
