package org.yingzhi.interview;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.Timebase;
import org.yingzhi.gazetteer.link.Link;
import org.yingzhi.gazetteer.link.LinkService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.audit.Probe;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.timecode.TimeRange;

/**
 * Transcripts and index segments of recordings: import (any format {@link TranscriptFormats} reads), read, correct a
 * cue, choose the one shown, export, align a typed text to sentences cut at silences, and segments that link to the
 * gazetteer like ranges. Reading a restricted interview's text needs {@link Action#VIEW_RESTRICTED}.
 */
@Service
public class TranscriptService {

    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final InterviewRepository repo;
    private final InterviewShelf shelf;
    private final InterviewService interviews;
    private final AssetReader assets;
    private final LinkService links;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final org.springframework.context.MessageSource messages;
    private final org.yingzhi.search.PassageService passages;
    private final org.yingzhi.asset.AssetTallies tallies;

    TranscriptService(InterviewRepository repo, InterviewShelf shelf, InterviewService interviews, AssetReader assets,
            LinkService links, AccessPolicy policy, AuditLog audit, org.springframework.context.MessageSource messages,
            org.yingzhi.search.PassageService passages, org.yingzhi.asset.AssetTallies tallies) {
        this.messages = messages;
        this.passages = passages;
        this.tallies = tallies;
        this.repo = repo;
        this.shelf = shelf;
        this.interviews = interviews;
        this.assets = assets;
        this.links = links;
        this.policy = policy;
        this.audit = audit;
    }

    @Schema(description = "How to take a transcript file")
    public record ImportOptions(String format, String language, String kind, String label, String fileName,
            @Schema(description = "media (times from the file's start, default) or timecode (times in the source timecode)") String clock,
            @Schema(description = "make it the one shown") Boolean show,
            @Schema(description = "a text without time stamps: take the times of this pre-cut (silence) transcript") String alignTo) {
    }

    @Schema(description = "A transcript with its cues")
    public record TranscriptView(Transcript.Summary summary, String fileName, String charset, List<CueView> cues,
            List<Warn> warnings, boolean canEdit, long durationMillis) {
    }

    @Schema(description = "A cue with its source timecode")
    public record CueView(int n, long start, long end, String speaker, String text, String tcIn, String tcOut) {
    }

    @Schema(description = "A warning of the import, in the reader's language")
    public record Warn(String code, String message) {
    }

    @Schema(description = "The result of an import: the transcript and the segments its file carried")
    public record Imported(TranscriptView transcript, List<SegmentView> segments, ParsedTranscript.Record record) {
    }

    // ------------------------------------------------------------ import

    public Imported importFile(String assetId, byte[] content, ImportOptions o, User user) {
        Asset asset = asset(assetId);
        policy.check(user, Action.EDIT, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        Optional<Interview> interview = shelf.interviewOf(asset.id());
        interview.ifPresent(i -> check(i, user));
        if (content.length == 0) {
            throw ApiException.invalid("transcript.empty");
        }
        ParsedTranscript parsed;
        try {
            TranscriptFormats.Format f = o.format() == null || o.format().isBlank()
                    ? TranscriptFormats.detect(o.fileName(), content) : TranscriptFormats.Format.parse(o.format());
            parsed = TranscriptFormats.read(content, f);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(e);
        }
        List<Cue> cues = parsed.cues();
        List<ParsedTranscript.Warning> warnings = new ArrayList<>(parsed.warnings());
        if (!parsed.timed()) {
            if (o.alignTo() == null || o.alignTo().isBlank()) {
                throw ApiException.invalid("transcript.untimed");
            }
            Transcript precut = transcript(o.alignTo());
            if (!precut.asset().equals(asset.id())) {
                throw ApiException.invalid("transcript.alignOther");
            }
            cues = Alignment.align(cues, precut.cues());
            warnings.removeIf(w -> w.code().equals("untimed"));
            warnings.add(ParsedTranscript.Warning.of("aligned", cues.size(), precut.cues().size()));
        }
        long shift = 0;
        if ("timecode".equals(o.clock())) {
            Timebase tb = asset.timebase().orElseThrow(() -> ApiException.invalid("link.noTimebase"));
            shift = org.yingzhi.timecode.Timecode.microsForFrames(tb.start().frames(), tb.rate()) / 1000;
        } else if (o.clock() != null && !o.clock().isBlank() && !"media".equals(o.clock())) {
            throw ApiException.invalid("transcript.clock", o.clock());
        }
        long duration = asset.durationMicros().map(d -> d / 1000).orElse(Long.MAX_VALUE);
        List<Cue> placed = new ArrayList<>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            long s = c.startMillis() - shift;
            long e = c.endMillis() - shift;
            if (s < 0) {
                throw ApiException.invalid("transcript.beforeStart", i + 1, TranscriptText.vtt(c.startMillis()));
            }
            if (s >= duration && duration > 0) {
                warnings.add(ParsedTranscript.Warning.of("beyondEnd", i + 1, TranscriptText.vtt(s), TranscriptText.vtt(duration)));
            }
            placed.add(new Cue(s, e, c.speaker(), c.text()));
        }
        Transcript.Kind kind = Transcript.Kind.parse(o.kind());
        boolean first = shelf.transcriptsOf(asset.id()).isEmpty();
        boolean show = first || Boolean.TRUE.equals(o.show());
        String language = language(o.language(), parsed.record().language(), interview);
        Instant now = Instant.now();
        String fileName = o.fileName() == null ? null : o.fileName().strip();
        if (fileName != null && fileName.length() > 200) {
            fileName = fileName.substring(0, 200);
        }
        Transcript t = new Transcript(new ObjectId().toHexString(), asset.id(), interview.map(Interview::id).orElse(null),
                language, kind, blank(o.label()), null, null, show, parsed.format(), fileName, parsed.charset(),
                parsed.legacyInterval(), placed, warnings, user.name(), now, now, 1, false);
        save(t, 0, Change.of(AuditActions.TRANSCRIPT_CHANGE, "transcript", t.id()).unit(asset.contributorUnit())
                .with("op", "import").with("asset", asset.id()).with("format", parsed.format())
                .with("language", language).with("kind", kind.wire()).with("cues", placed.size()).with("file", fileName));
        if (show && !first) {
            unshowOthers(t);
        }
        List<SegmentView> segments = new ArrayList<>();
        for (IndexPoint p : parsed.points()) {
            long s = p.startMillis() - shift;
            long e = (p.endMillis() != null ? p.endMillis() : duration == Long.MAX_VALUE ? p.startMillis() + 60_000 : duration) - shift;
            segments.add(createSegment(asset, interview.orElse(null), Math.max(0, s), Math.min(e, duration), p.title(),
                    p.synopsis(), p.partialTranscript(), p.keywords(), p.subjects(), p.gps(), p.hyperlinks(), List.of(),
                    "ohms", user));
        }
        return new Imported(view(t, user), segments, parsed.record());
    }

    /** Machine drafts (and silence cuts) are saved here by the recognition job, as the system. */
    Transcript saveDraft(Asset asset, Transcript.Kind kind, String language, String engine, String model, List<Cue> cues,
            List<ParsedTranscript.Warning> warnings) {
        Instant now = Instant.now();
        boolean first = shelf.transcriptsOf(asset.id()).isEmpty();
        Transcript t = new Transcript(new ObjectId().toHexString(), asset.id(),
                shelf.interviewOf(asset.id()).map(Interview::id).orElse(null), language, kind, null, engine, model, first,
                kind.wire(), null, null, 0, cues, warnings, "system", now, now, 1, false);
        save(t, 0, Change.of(AuditActions.TRANSCRIPT_CHANGE, "transcript", t.id()).unit(asset.contributorUnit())
                .with("op", kind.wire()).with("asset", asset.id()).with("engine", engine).with("model", model)
                .with("cues", cues.size()));
        return t;
    }

    private void save(Transcript t, long expected, Change c) {
        boolean ok = audit.write(c, Probe.exists(InterviewRepository.TRANSCRIPTS,
                new Document("_id", new ObjectId(t.id())).append("version", t.version())),
                () -> repo.saveTranscript(t, expected));
        if (!ok) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "transcript.stale", expected);
        }
    }

    private void unshowOthers(Transcript shown) {
        for (Transcript.Summary s : shelf.transcriptsOf(shown.asset())) {
            if (!s.id().equals(shown.id()) && s.shown()) {
                repo.transcript(s.id()).ifPresent(o -> repo.saveTranscript(with(o, o.cues(), false, o.deleted()), o.version()));
            }
        }
    }

    private static Transcript with(Transcript t, List<Cue> cues, boolean shown, boolean deleted) {
        return new Transcript(t.id(), t.asset(), t.interview(), t.language(), t.kind(), t.label(), t.engine(), t.model(),
                shown, t.format(), t.fileName(), t.charset(), t.legacyInterval(), cues, t.warnings(), t.createdBy(),
                t.createdAt(), Instant.now(), t.version() + 1, deleted);
    }

    // ------------------------------------------------------------ read, correct, choose, delete

    public List<Transcript.Summary> listFor(String assetId, User user) {
        Asset asset = asset(assetId);
        policy.check(user, Action.VIEW, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        Optional<Interview> i = shelf.interviewOf(asset.id());
        if (i.isPresent() && !interviews.mayRead(i.get(), user)) {
            return List.of();
        }
        return shelf.transcriptsOf(asset.id());
    }

    public TranscriptView get(String id, User user) {
        Transcript t = transcript(id);
        Asset asset = asset(t.asset());
        policy.check(user, Action.VIEW, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        shelf.interviewOf(asset.id()).ifPresent(i -> check(i, user));
        return view(t, user);
    }

    /** The shown transcript of a recording (or the one asked for), for captions; empty when there is none. */
    public Optional<Transcript> shownFor(String assetId, String transcriptId, User user) {
        Asset asset = asset(assetId);
        policy.check(user, Action.VIEW, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        Optional<Interview> i = shelf.interviewOf(asset.id());
        if (i.isPresent() && !interviews.mayRead(i.get(), user)) {
            return Optional.empty();
        }
        if (transcriptId != null && !transcriptId.isBlank()) {
            Transcript t = transcript(transcriptId);
            return t.asset().equals(asset.id()) ? Optional.of(t) : Optional.empty();
        }
        return shelf.transcriptsOf(asset.id()).stream().filter(Transcript.Summary::shown).findFirst()
                .flatMap(s -> repo.transcript(s.id())).filter(t -> !t.deleted());
    }

    @Schema(description = "A correction of one cue: the fields given change; times in milliseconds of the media")
    public record CueInput(@Min(0) @Max(86_400_000L) Long start, @Min(0) @Max(86_400_000L) Long end,
            @Size(max = 100) String speaker, @Size(max = 10_000) String text,
            @NotNull @Schema(description = "the transcript's version read (409 when someone wrote since)") Long version) {
    }

    public TranscriptView correct(String id, int n, CueInput in, User user) {
        Transcript t = transcript(id);
        Asset asset = asset(t.asset());
        policy.check(user, Action.EDIT, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        shelf.interviewOf(asset.id()).ifPresent(i -> check(i, user));
        if (in.version() != t.version()) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "transcript.stale", t.version());
        }
        if (n < 1 || n > t.cues().size()) {
            throw ApiException.invalid("transcript.noCue", n, t.cues().size());
        }
        Cue was = t.cues().get(n - 1);
        long start = in.start() == null ? was.startMillis() : in.start();
        long end = in.end() == null ? was.endMillis() : in.end();
        if (end < start) {
            throw ApiException.invalid("transcript.endBeforeStart", TranscriptText.vtt(start), TranscriptText.vtt(end));
        }
        long duration = asset.durationMicros().map(d -> d / 1000).orElse(Long.MAX_VALUE);
        if (start > duration) {
            throw ApiException.invalid("transcript.pastEnd", TranscriptText.vtt(start), TranscriptText.vtt(duration));
        }
        String speaker = in.speaker() == null ? was.speaker() : blank(in.speaker());
        String text = in.text() == null ? was.text() : in.text().replace("\r\n", "\n").strip();
        Cue now = new Cue(start, end, speaker, text);
        List<Cue> cues = new ArrayList<>(t.cues());
        cues.set(n - 1, now);
        Transcript next = with(t, cues, t.shown(), false);
        Change c = Change.of(AuditActions.TRANSCRIPT_CHANGE, "transcript", id).unit(asset.contributorUnit())
                .with("op", "correct").with("cue", n);
        if (start != was.startMillis()) {
            c = c.field("start", was.startMillis(), start);
        }
        if (end != was.endMillis()) {
            c = c.field("end", was.endMillis(), end);
        }
        if (!java.util.Objects.equals(speaker, was.speaker())) {
            c = c.field("speaker", was.speaker(), speaker);
        }
        if (!text.equals(was.text())) {
            c = c.field("text", was.text(), text);
        }
        if (c.before().isEmpty()) {
            AuditLog.unchanged();
            return view(t, user);
        }
        save(next, t.version(), c);
        return view(next, user);
    }

    public TranscriptView show(String id, User user) {
        Transcript t = transcript(id);
        Asset asset = asset(t.asset());
        policy.check(user, Action.EDIT, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        if (t.shown()) {
            AuditLog.unchanged();
            return view(t, user);
        }
        Transcript next = with(t, t.cues(), true, false);
        save(next, t.version(), Change.of(AuditActions.TRANSCRIPT_CHANGE, "transcript", id).unit(asset.contributorUnit())
                .with("op", "show").with("asset", asset.id()));
        unshowOthers(next);
        return view(next, user);
    }

    public void delete(String id, User user) {
        Transcript t = transcript(id);
        Asset asset = asset(t.asset());
        policy.check(user, Action.EDIT, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        Transcript gone = with(t, t.cues(), false, true);
        audit.write(Change.of(AuditActions.TRANSCRIPT_CHANGE, "transcript", id).unit(asset.contributorUnit())
                        .with("op", "delete").with("asset", asset.id()),
                Probe.exists(InterviewRepository.TRANSCRIPTS, new Document("_id", new ObjectId(id)).append("deleted", true)),
                () -> repo.saveTranscript(gone, t.version()));
    }

    // ------------------------------------------------------------ export

    public record Export(byte[] body, String contentType, String fileName) {
    }

    public Export export(String id, String format, java.util.Locale locale, User user) {
        Transcript t = transcript(id);
        Asset asset = asset(t.asset());
        policy.check(user, Action.VIEW, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        Optional<Interview> interview = shelf.interviewOf(asset.id());
        interview.ifPresent(i -> check(i, user));
        TranscriptFormats.Format f;
        try {
            f = TranscriptFormats.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(e);
        }
        String base = "transcript-" + id;
        String draft = t.kind().machine() ? msg(locale, "transcript.machineMark", t.engine() == null ? "" : t.engine(),
                t.model() == null ? "" : t.model()) : null;
        Export out = switch (f) {
            case VTT -> new Export(utf8((draft == null ? TranscriptWriters.vtt(t.cues())
                    : TranscriptWriters.vtt(t.cues()).replaceFirst("WEBVTT\n\n", "WEBVTT\n\nNOTE " + draft.replace("-->", "->") + "\n\n"))),
                    "text/vtt;charset=utf-8", base + ".vtt");
            case SRT -> new Export(utf8(TranscriptWriters.srt(t.cues())), "application/x-subrip;charset=utf-8", base + ".srt");
            case OHMS -> new Export(utf8(TranscriptWriters.ohms(ohmsRecord(t, asset, interview.orElse(null), draft), t.cues())),
                    "application/xml;charset=utf-8", base + ".xml");
            case DOCX -> new Export(TranscriptWriters.docx(sheet(t, asset, interview.orElse(null), draft, locale), t.cues(),
                    ms -> label(asset, ms)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    base + ".docx");
            case TXT -> throw ApiException.invalid("transcript.exportFormat", format);
        };
        audit.record(Change.of(AuditActions.EXPORT, "transcript", id).unit(asset.contributorUnit())
                .with("format", f.wire()).with("asset", asset.id()));
        return out;
    }

    private TranscriptWriters.OhmsRecord ohmsRecord(Transcript t, Asset asset, Interview i, String draft) {
        List<IndexPoint> points = new ArrayList<>();
        for (Segment s : shelf.segmentsOf(asset.id())) {
            points.add(new IndexPoint(s.startMillis(), s.endMillis(), s.title(), s.partialTranscript(), s.synopsis(),
                    s.keywords(), s.subjects(), s.gps(), s.hyperlinks()));
        }
        List<String> interviewees = i == null ? List.of() : interviews.intervieweeNames(i);
        String description = i == null ? null : i.summary();
        if (draft != null) {
            description = description == null ? draft : draft + "\n" + description;
        }
        return new TranscriptWriters.OhmsRecord(t.id(), i != null ? i.title() : title(asset), i == null ? null : i.date(),
                interviewees, i == null ? List.of() : i.interviewers(), t.language(), description,
                asset.durationMicros().map(d -> d / 1000).orElse(0L), asset.rights(), t.legacyInterval(), points);
    }

    private TranscriptWriters.Sheet sheet(Transcript t, Asset asset, Interview i, String draft, java.util.Locale locale) {
        List<String> lines = new ArrayList<>();
        if (i != null) {
            lines.add(msg(locale, "transcript.sheet.people", String.join("、", interviews.intervieweeNames(i)),
                    String.join("、", i.interviewers())));
            lines.add(msg(locale, "transcript.sheet.when", i.date() == null ? "" : i.date(), i.place() == null ? "" : i.place()));
        }
        lines.add(msg(locale, "transcript.sheet.source", title(asset), asset.original().sha256().substring(0, 12),
                asset.timebase().map(tb -> tb.start().toString() + " @ " + tb.rate().rational()).orElse("")));
        lines.add(msg(locale, "transcript.sheet.language", t.language() == null ? "" : t.language(), t.cues().size()));
        if (draft != null) {
            lines.add(draft);
        }
        return new TranscriptWriters.Sheet(i != null ? i.title() : title(asset), lines,
                msg(locale, "transcript.sheet.time"), msg(locale, "transcript.sheet.timecode"),
                msg(locale, "transcript.sheet.speaker"), msg(locale, "transcript.sheet.text"));
    }

    /** The source timecode shown at a media time (empty for a recording without a known rate). */
    static String label(Asset asset, long millis) {
        return asset.timebase().map(tb -> tb.at(millis * 1000).toString()).orElse("");
    }

    // ------------------------------------------------------------ segments

    @Schema(description = "An index segment as pages and clients see it")
    public record SegmentView(String id, String asset, long start, long end, String tcIn, String tcOut, String title,
            String synopsis, String partialTranscript, List<String> keywords, List<String> subjects,
            List<IndexPoint.Gps> gps, List<IndexPoint.Hyperlink> hyperlinks, List<Segment.Target> targets, String source) {
    }

    @Schema(description = "A segment to make: a range of the recording in media milliseconds, its index and its gazetteer targets")
    public record SegmentInput(@NotNull @Min(0) Long start, @NotNull @Min(1) Long end, @Size(max = 300) String title,
            @Size(max = 4000) String synopsis, @Size(max = 4000) String partialTranscript,
            @Size(max = 50) List<@Size(max = 100) String> keywords,
            @Size(max = 20) List<@jakarta.validation.Valid TargetInput> targets) {
    }

    public record TargetInput(@NotNull @Pattern(regexp = "chapter|person|project|place") String kind,
            @NotNull @Pattern(regexp = "[0-9a-f]{24}") String id) {
    }

    public List<SegmentView> segments(String assetId, User user) {
        Asset asset = asset(assetId);
        policy.check(user, Action.VIEW, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        Optional<Interview> i = shelf.interviewOf(asset.id());
        if (i.isPresent() && !interviews.mayRead(i.get(), user)) {
            return List.of();
        }
        return shelf.segmentsOf(asset.id()).stream().map(s -> view(s, asset)).toList();
    }

    public SegmentView addSegment(String assetId, SegmentInput in, User user) {
        Asset asset = asset(assetId);
        policy.check(user, Action.LINK, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        long duration = asset.durationMicros().map(d -> d / 1000).orElse(Long.MAX_VALUE);
        if (in.end() <= in.start()) {
            throw ApiException.invalid("transcript.endBeforeStart", TranscriptText.vtt(in.start()), TranscriptText.vtt(in.end()));
        }
        if (in.start() >= duration) {
            throw ApiException.invalid("transcript.pastEnd", TranscriptText.vtt(in.start()), TranscriptText.vtt(duration));
        }
        String title = blank(in.title());
        if (title == null) {
            throw ApiException.invalid("segment.title");
        }
        return createSegment(asset, shelf.interviewOf(asset.id()).orElse(null), in.start(), Math.min(in.end(), duration),
                title, blank(in.synopsis()), blank(in.partialTranscript()),
                in.keywords() == null ? List.of() : in.keywords().stream().map(String::strip).filter(k -> !k.isEmpty()).toList(),
                List.of(), List.of(), List.of(), in.targets() == null ? List.of() : in.targets(), "page", user);
    }

    private SegmentView createSegment(Asset asset, Interview interview, long start, long end, String title, String synopsis,
            String partial, List<String> keywords, List<String> subjects, List<IndexPoint.Gps> gps,
            List<IndexPoint.Hyperlink> hyperlinks, List<TargetInput> targets, String source, User user) {
        if (end <= start) {
            end = start + 1;
        }
        // a segment links like a range: one link per target, each a moment of the chapter's or the person's page
        List<Segment.Target> made = new ArrayList<>();
        if (!targets.isEmpty()) {
            Timebase tb = asset.timebase().orElseThrow(() -> ApiException.invalid("link.noTimebase"));
            TimeRange r = tb.range(start * 1000, end * 1000);
            String note = title + (synopsis == null ? "" : "：" + synopsis);
            if (note.length() > 2000) {
                note = note.substring(0, 2000);
            }
            for (TargetInput t : targets) {
                Link l = links.create(new LinkService.LinkInput(asset.id(), t.kind(), t.id(), r.in().toString(),
                        r.out().toString(), tb.rate().rational(), null, note), user);
                made.add(new Segment.Target(t.kind(), t.id(), null, l.id()));
            }
        }
        Segment s = new Segment(new ObjectId().toHexString(), asset.id(), interview == null ? null : interview.id(), start,
                end, title, synopsis, partial, keywords, subjects, gps, hyperlinks, made, source, user.name(), Instant.now());
        audit.write(Change.of(AuditActions.SEGMENT_CHANGE, "segment", s.id()).unit(asset.contributorUnit())
                .with("op", "create").with("asset", asset.id()).with("start", start).with("end", end).with("title", title)
                .with("links", made.stream().map(Segment.Target::link).toList()),
                Probe.exists(InterviewRepository.SEGMENTS, new Document("_id", new ObjectId(s.id()))), () -> repo.saveSegment(s));
        return view(s, asset);
    }

    public void deleteSegment(String id, User user) {
        Segment s = repo.segment(id).orElseThrow(() -> ApiException.notFound("segment", id));
        Asset asset = asset(s.asset());
        policy.check(user, Action.LINK, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        for (Segment.Target t : s.targets()) {
            if (t.link() != null) {
                try {
                    links.delete(t.link(), user);
                } catch (ApiException e) {
                    if (e.status() != HttpStatus.NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
        audit.write(Change.of(AuditActions.SEGMENT_CHANGE, "segment", id).unit(asset.contributorUnit()).with("op", "delete")
                        .with("asset", asset.id()).with("title", s.title()),
                Probe.gone(InterviewRepository.SEGMENTS, new Document("_id", new ObjectId(id))), () -> repo.deleteSegment(id));
    }

    private SegmentView view(Segment s, Asset asset) {
        return new SegmentView(s.id(), s.asset(), s.startMillis(), s.endMillis(), label(asset, s.startMillis()),
                label(asset, s.endMillis()), s.title(), s.synopsis(), s.partialTranscript(), s.keywords(), s.subjects(),
                s.gps(), s.hyperlinks(), s.targets(), s.source());
    }

    // ------------------------------------------------------------ search

    @Schema(description = "A passage found: where it is (recording, media time, source timecode), who speaks, and its text in parts that matched or not")
    public record Found(String asset, String assetTitle, String interview, String interviewTitle, String transcript,
            Integer cue, String kind, long start, long end, String tcIn, String speaker, String language, String title,
            List<org.yingzhi.search.PassageHit.Part> parts, String href) {
    }

    @Schema(description = "Passages found, best first; ready is false while this process builds its index")
    public record Results(List<Found> hits, long total, boolean ready, long tookMicros) {
    }

    public static final int MAX_HITS = 100;

    public Results search(String q, String interviewee, String interviewer, String language, String restriction,
            String kind, int limit, User user) throws java.io.IOException {
        if (q == null || q.isBlank()) {
            throw ApiException.invalid("transcript.searchEmpty");
        }
        if (q.length() > 200) {
            throw ApiException.invalid("transcript.searchLong", 200);
        }
        if (!passages.ready()) {
            return new Results(List.of(), 0, false, 0);
        }
        java.util.Map<String, String> require = new java.util.HashMap<>();
        if (interviewee != null && !interviewee.isBlank()) {
            require.put("interviewee", interviewee.strip());
        }
        if (interviewer != null && !interviewer.isBlank()) {
            require.put("interviewer", interviewer.strip());
        }
        if (language != null && !language.isBlank()) {
            require.put("language", language.strip());
        }
        if (kind != null && !kind.isBlank()) {
            if (!List.of("cue", "segment").contains(kind.strip())) {
                throw ApiException.invalid("transcript.searchKind", kind);
            }
            if (kind.strip().equals("segment")) {
                require.put("kind", "segment");
            }
        }
        java.time.LocalDate today = java.time.LocalDate.now(org.yingzhi.shared.time.CatalogTime.ZONE);
        java.util.Map<String, List<String>> anyOf = new java.util.HashMap<>();
        if (restriction != null && !restriction.isBlank()) {
            List<String> ids = interviews.matching(null, null, null, null, restriction, user).stream()
                    .map(Interview::id).toList();
            anyOf.put("interview", ids);
        }
        if ("cue".equals(kind == null ? null : kind.strip())) {
            anyOf.put("kind", List.of(Transcript.Kind.values()).stream().map(Transcript.Kind::wire).toList());
        }
        List<String> hidden = shelf.interviews().stream().filter(i -> i.deleted() || !interviews.mayRead(i, user))
                .map(Interview::id).toList();
        int want = Math.max(1, Math.min(limit, MAX_HITS));
        org.yingzhi.search.PassageHit.Page page = passages.search(new org.yingzhi.search.PassageQuery(q, require, anyOf,
                hidden.isEmpty() ? java.util.Map.of() : java.util.Map.of("interview", hidden), want + 20));
        List<org.yingzhi.search.PassageHit> visible = new ArrayList<>();
        for (org.yingzhi.search.PassageHit h : page.hits()) {
            // deleted material leaves every view: a deleted recording's passages are not shown
            if (tallies.get(h.passage().asset()).map(t -> !t.deleted()).orElse(false) && visible.size() < want) {
                visible.add(h);
            }
        }
        java.util.Map<String, Asset> byId = new java.util.HashMap<>();
        assets.findByIds(visible.stream().map(h -> h.passage().asset()).distinct().toList()).forEach(a -> byId.put(a.id(), a));
        List<Found> out = new ArrayList<>();
        for (org.yingzhi.search.PassageHit h : visible) {
            org.yingzhi.search.Passage p = h.passage();
            Asset a = byId.get(p.asset());
            if (a == null) {
                continue;
            }
            Interview i = shelf.interviewOf(a.id()).orElse(null);
            String transcript = null;
            Integer cue = null;
            if (p.kind().equals("cue")) {
                transcript = p.id().substring(0, p.id().indexOf('#'));
                cue = Integer.valueOf(p.id().substring(p.id().indexOf('#') + 1));
            }
            List<String> lang = p.filters().getOrDefault("language", List.of());
            out.add(new Found(a.id(), title(a), i == null ? null : i.id(), i == null ? null : i.title(), transcript, cue,
                    p.kind(), p.startMillis(), p.endMillis(), label(a, p.startMillis()), p.speaker(),
                    lang.isEmpty() ? null : lang.get(0), p.title(), h.parts(),
                    "/assets/" + a.id() + "?at=" + p.startMillis() + (transcript == null ? "" : "&transcript=" + transcript)));
        }
        return new Results(out, page.total() - (page.hits().size() - visible.size()), true, page.tookMicros());
    }

    // ------------------------------------------------------------ helpers

    TranscriptView view(Transcript t, User user) {
        Asset asset = asset(t.asset());
        List<CueView> cues = new ArrayList<>(t.cues().size());
        int n = 1;
        for (Cue c : t.cues()) {
            cues.add(new CueView(n++, c.startMillis(), c.endMillis(), c.speaker(), c.text(), label(asset, c.startMillis()),
                    label(asset, c.endMillis())));
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<Warn> warnings = t.warnings().stream()
                .map(w -> new Warn(w.code(), msg(locale, "transcript.warn." + w.code(), w.args().toArray()))).toList();
        return new TranscriptView(t.summary(), t.fileName(), t.charset(), cues, warnings,
                policy.allows(user, Action.EDIT, Resource.of(ResourceKind.ASSET, asset.contributorUnit())),
                asset.durationMicros().map(d -> d / 1000).orElse(0L));
    }

    private void check(Interview i, User user) {
        if (!interviews.mayRead(i, user)) {
            policy.check(user, Action.VIEW_RESTRICTED, InterviewService.resource(i));
        }
    }

    Transcript transcript(String id) {
        return repo.transcript(id).filter(t -> !t.deleted()).orElseThrow(() -> ApiException.notFound("transcript", id));
    }

    Asset asset(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.notFound("asset", String.valueOf(id));
        }
        Asset a = assets.findById(new ObjectId(id)).filter(x -> !x.deleted()).orElseThrow(() -> ApiException.notFound("asset", id));
        if (a.type() == AssetType.PHOTO) {
            throw ApiException.invalid("transcript.photo");
        }
        return a;
    }

    private static String language(String given, String fromFile, Optional<Interview> interview) {
        String l = blank(given);
        if (l == null) {
            l = blank(fromFile);
        }
        if (l == null) {
            l = interview.flatMap(i -> i.languages().stream().findFirst()).orElse("zh");
        }
        if (!l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw ApiException.invalid("transcript.language", l);
        }
        return l;
    }

    static String title(Asset a) {
        return a.title() != null ? a.title() : a.original().fileName();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String msg(java.util.Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
