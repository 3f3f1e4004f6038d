package org.yingzhi.cut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobHandler;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobQueue;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.RoughCutSpec;
import org.yingzhi.shared.i18n.Texts;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.timecode.Timecode;

/**
 * Renders a cut's rough cut (job type {@code cut_render}, subject {@code cut:<id>}) from the proxies of its entries,
 * as the cut stands when the job runs, with progress. Idempotent: a run overwrites the same file, and the file says
 * which version of the cut it shows, so a page can tell a render made before the last change.
 */
@Component
class CutRenderHandler implements JobHandler {

    static final String TYPE = "cut_render";
    static final String FILE = "rough-cut.mp4";
    static final String FACTS = "rough-cut.json";
    static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private final CutRepository cuts;
    private final CutSources service;
    private final MediaStore store;
    private final MediaToolkit media;
    private final JobQueue queue;
    private final Path font;

    CutRenderHandler(CutRepository cuts, CutSources service, MediaStore store, MediaToolkit media, JobQueue queue,
            @Value("${yingzhi.cuts.font:" + DEFAULT_FONT + "}") String font) {
        this.cuts = cuts;
        this.service = service;
        this.store = store;
        this.media = media;
        this.queue = queue;
        this.font = Path.of(font);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean lengthy() {
        return true;
    }

    @Override
    public JobOutcome run(Job job) throws Exception {
        String id = job.subject().id();
        Cut cut = cuts.find(id).orElse(null);
        if (cut == null || cut.deleted()) {
            return new JobOutcome.Failed(Texts.en(Texts.REASON + "job.cutGone", id), false);
        }
        if (!Files.isReadable(font)) {
            return new JobOutcome.Failed(Texts.en(Texts.REASON + "job.cutFont", font.toString()), false);
        }
        CutSheet sheet = service.systemSheet(cut);
        if (sheet.placed().isEmpty()) {
            return new JobOutcome.Failed(Texts.en(Texts.REASON + "job.cutEmpty"), false);
        }
        List<Path> titles = new ArrayList<>();
        try {
            List<RoughCutSpec.Segment> segments = new ArrayList<>();
            for (CutSheet.Placed p : sheet.placed()) {
                CutSource s = p.source();
                Path video = s.hasVideo() ? store.derivative(s.asset(), Derivative.PROXY, 0) : null;
                Path audio = video == null ? store.derivative(s.asset(), Derivative.AUDIO, 0) : null;
                if ((video != null && !Files.isReadable(video)) || (audio != null && !Files.isReadable(audio))) {
                    // the proxy is still being made: a retry comes back for it
                    return new JobOutcome.Failed(Texts.en(Texts.REASON + "job.cutProxy", p.index() + 1, s.title()), true);
                }
                Path title = Files.createTempFile(store.tempDir(), "title-", ".txt");
                titles.add(title);
                Files.writeString(title, (p.index() + 1) + "  " + s.title(), StandardCharsets.UTF_8);
                segments.add(new RoughCutSpec.Segment(video, audio, Timecode.microsForFrames(p.sourceOffset(), s.rate()),
                        s.rate(), p.sourceIn().toString(), p.sourceFrames(), p.recordFrames(), title));
            }
            RoughCutSpec spec = RoughCutSpec.of(sheet.rate(), font, segments);
            long total = sheet.totalFrames();
            long[] reported = {0};
            MediaToolkit.RenderResult[] result = new MediaToolkit.RenderResult[1];
            queue.progress(job, 0);
            store.writeCutFile(id, FILE, temp -> result[0] = media.renderRoughCut(spec, temp, done -> {
                long now = System.currentTimeMillis();
                if (now - reported[0] >= 500) {
                    reported[0] = now;
                    queue.progress(job, done / (double) total);
                }
            }));
            String facts = "{\"version\":" + cut.version() + ",\"frames\":" + result[0].frames() + ",\"rate\":\""
                    + sheet.rate().rational() + "\",\"dropFrame\":" + sheet.rate().dropFrame() + ",\"entries\":"
                    + sheet.placed().size() + "}";
            store.writeCutFile(id, FACTS, temp -> Files.writeString(temp, facts));
            queue.progress(job, 1);
            return JobOutcome.done(null);
        } finally {
            for (Path t : titles) {
                Files.deleteIfExists(t);
            }
        }
    }
}
