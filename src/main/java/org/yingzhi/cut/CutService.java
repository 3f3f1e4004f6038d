package org.yingzhi.cut;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetQueryService;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.MomentFrames;
import org.yingzhi.asset.SourceRange;
import org.yingzhi.asset.Timebase;
import org.yingzhi.bin.Bin;
import org.yingzhi.bin.BinService;
import org.yingzhi.gazetteer.link.LinkService;
import org.yingzhi.job.JobQueue;
import org.yingzhi.job.JobStatus;
import org.yingzhi.job.Scope;
import org.yingzhi.job.Subject;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.Mp4Edits;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * Cuts: make them from bins or ranges, change them at a known version, lay out their record timeline, export and
 * import them. Every decision goes through the access policy; an entry whose asset was deleted (or that the reader
 * may not see) leaves every view and export but stays in the stored cut, where it was, for when the asset returns.
 */
@Service
public class CutService {

    static final int MAX_LISTED = 200;
    static final int MAX_ENTRIES = 5000;
    static final int MAX_IMPORT_BYTES = 4 << 20;
    static final String DEFAULT_START = "01:00:00:00";

    private final CutRepository cuts;
    private final AssetQueryService assets;
    private final BinService bins;
    private final LinkService links;
    private final MomentFrames frames;
    private final MediaStore store;
    private final AccessPolicy policy;
    private final MediaToolkit media;
    private final JobQueue jobs;
    private final CutSources sourcesOf;
    private final CutConform conform;

    CutService(CutRepository cuts, AssetQueryService assets, BinService bins, LinkService links, MomentFrames frames,
            MediaStore store, AccessPolicy policy, MediaToolkit media, JobQueue jobs, CutSources sourcesOf,
            CutConform conform) {
        this.conform = conform;
        this.sourcesOf = sourcesOf;
        this.media = media;
        this.jobs = jobs;
        this.cuts = cuts;
        this.assets = assets;
        this.bins = bins;
        this.links = links;
        this.frames = frames;
        this.store = store;
        this.policy = policy;
    }

    // ---- requests and responses ----

    @Schema(description = "An entry as a producer gives it: an asset's range in its own source timecode")
    public record EntryInput(
            @Schema(description = "Keep to change an entry in place; empty for a new one") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String id,
            @NotNull @Pattern(regexp = "[0-9a-f]{24}") String asset,
            @Schema(description = "Source in (the asset's timecode; empty with out: the whole clip)", example = "01:00:59;10") @Size(max = 16) String in,
            @Schema(description = "Source out, exclusive") @Size(max = 16) String out,
            @Size(max = 2000) String note,
            @Schema(description = "Dissolve from the entry before, in record frames") @Min(0) @Max(10000) Integer dissolve,
            @Schema(description = "Use the picture (default: when the asset has one)") Boolean video,
            @Schema(description = "Audio channels, 1-based (default: all of the asset's, at most 8)") @Size(max = 16) List<@Min(1) @Max(16) Integer> audio) {
    }

    @Schema(description = "A new cut: from a bin's items (all, or those named), from entries, or empty")
    public record CutInput(@Size(max = 200) String title,
            @Schema(description = "Record rate (default: the first entry's)", example = "25") @Size(max = 20) String rate,
            @Schema(description = "Record start timecode (default 01:00:00:00)") @Size(max = 16) String start,
            @Pattern(regexp = "[0-9a-f]{24}") String outlineNode, Boolean shared,
            @Size(max = 50) List<@Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String> editors,
            @Pattern(regexp = "[0-9a-f]{24}") String bin,
            @Size(max = MAX_ENTRIES) List<@Pattern(regexp = "[0-9a-f]{24}") String> items,
            @Size(max = MAX_ENTRIES) List<@Valid EntryInput> entries) {
    }

    @Schema(description = "A change of a cut made from the version the editor read: the fields given replace the stored ones")
    public record CutChange(@NotNull @Min(1) Long version, @Size(max = 200) String title, @Size(max = 20) String rate,
            @Size(max = 16) String start, @Pattern(regexp = "[0-9a-f]{24}|") String outlineNode, Boolean shared,
            @Size(max = 50) List<@Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String> editors,
            @Size(max = MAX_ENTRIES) List<@Valid EntryInput> entries) {
    }

    @Schema(description = "Entries to add at a position (default: the end), from a bin or given")
    public record AppendInput(@NotNull @Min(1) Long version, @Pattern(regexp = "[0-9a-f]{24}") String bin,
            @Size(max = MAX_ENTRIES) List<@Pattern(regexp = "[0-9a-f]{24}") String> items,
            @Size(max = MAX_ENTRIES) List<@Valid EntryInput> entries, @Min(0) Integer at) {
    }

    @Schema(description = "Split an entry at a source timecode: the entry keeps [in, at), a new one after it takes [at, out)")
    public record SplitInput(@NotNull @Min(1) Long version, @NotNull @Size(max = 16) String at) {
    }

    @Schema(description = "A cut in a list")
    public record Summary(String id, String title, String owner, String ownerName, boolean shared, int entries,
            String rate, boolean mine, Instant updatedAt) {
    }

    @Schema(description = "An entry with where it lands on the record timeline and what a page shows of its asset")
    public record EntryView(String id, String asset, String title, String type, String unit, String in, String out,
            String sourceRate, boolean sourceDropFrame, long sourceFrames, String recordIn, String recordOut,
            long recordFrames, double recordSeconds, int dissolve, boolean video, List<Integer> audio,
            int audioChannels, boolean hasVideo, String note, String poster, String player,
            @Schema(description = "Seconds into the proxy (which starts at the clip's first frame) of in and out") double proxyIn,
            double proxyOut, String clipStart, String clipEnd) {
    }

    @Schema(description = "A cut with its computed record timeline; entries whose asset was deleted or is not visible are left out and counted")
    public record CutView(String id, String title, String owner, String ownerName, String unit, boolean shared,
            List<String> editors, String outlineNode, String rate, boolean dropFrame, String rateLabel, String start,
            String end, String duration, long totalFrames, double totalSeconds, boolean mixedRates, String rateRule,
            long version, Instant createdAt, Instant updatedAt, boolean canEdit, boolean canManage,
            List<EntryView> entries, int hidden) {
    }

    @Schema(description = "An event of an imported list that matched no asset, or could not be placed")
    public record Unmatched(int line, String reel, String clipName, String fileName, String sourceIn, String reason) {
    }

    @Schema(description = "A cut made from an editing suite's list, with what could not be matched")
    public record ImportResult(CutView cut, int events, int matched, List<Unmatched> unmatched, List<String> warnings) {
    }

    /** A file to download. */
    public record Export(byte[] body, String mediaType, String fileName) {
    }

    // ---- reading ----

    public List<Summary> list(User user) {
        List<Summary> out = new ArrayList<>();
        for (Document d : cuts.visibleTo(user.name(), MAX_LISTED)) {
            Cut c = CutRepository.map(d);
            if (policy.allows(user, Action.VIEW, resource(c))) {
                out.add(new Summary(c.id(), c.title(), c.owner(), c.ownerName(), c.shared(), c.entries().size(),
                        c.rate().toString(), c.owner().equals(user.name()), c.updatedAt()));
            }
        }
        return out;
    }

    public CutView get(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.VIEW, resource(c));
        return view(c, user);
    }

    /** The cut laid out for exports and renders: only the entries the user may see. */
    public CutSheet sheet(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.DOWNLOAD, resource(c));
        return visibleSheet(c, user, Layout.LINKED).sheet();
    }

    // ---- writing ----

    public CutView create(CutInput in, User user) {
        policy.check(user, Action.ASSEMBLE, Resource.catalog());
        List<EntryInput> given = new ArrayList<>();
        if (in.bin() != null) {
            given.addAll(fromBin(in.bin(), in.items(), user));
        } else if (in.items() != null && !in.items().isEmpty()) {
            throw ApiException.invalid("cut.itemsNeedBin");
        }
        if (in.entries() != null) {
            given.addAll(in.entries());
        }
        Map<String, Asset> byId = visibleAssets(given.stream().map(EntryInput::asset).toList(), user);
        FrameRate rate = rate(in.rate(), in.start(), given.isEmpty() ? null : byId.get(given.get(0).asset()));
        Timecode start = start(in.start(), rate);
        String title = in.title() == null || in.title().isBlank() ? "新剪辑 " + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : in.title().strip();
        List<CutEntry> entries = entries(given, byId, Set.of());
        Cut c = new Cut(null, title, user.name(), user.displayName(), user.unit(), Boolean.TRUE.equals(in.shared()),
                editors(in.editors(), user.name()), in.outlineNode(), rate, start, entries, 1, Instant.now(),
                Instant.now(), false);
        CutSheet.of(c, sources(entries, byId));
        return view(cuts.insert(c), user);
    }

    /** Replaces what the change gives, if the cut is still at the version it was made from (else 409 with the current). */
    public CutView change(String id, CutChange in, User user) {
        Cut c = find(id);
        Resource r = resource(c);
        policy.check(user, Action.EDIT, r);
        if (in.shared() != null || in.editors() != null) {
            policy.check(user, Action.DELETE, r); // who else reads and changes it is its owner's decision
        }
        checkVersion(c, in.version(), user);
        FrameRate rate = in.rate() == null && in.start() == null ? c.rate()
                : rate(in.rate() == null ? c.rate().toString() : in.rate(), in.start(), null);
        // a new rate alone keeps the start's label, counted at that rate
        Timecode start = in.start() != null ? start(in.start(), rate)
                : in.rate() != null ? start(c.start().toString().replace(';', ':'), rate) : c.start();
        List<CutEntry> entries = c.entries();
        Map<String, Asset> byId;
        if (in.entries() != null) {
            Visible v = visibleSheet(c, user, Layout.IDS);
            byId = visibleAssets(in.entries().stream().map(EntryInput::asset).toList(), user);
            List<CutEntry> edited = entries(in.entries(), byId, v.hiddenIds());
            entries = keepHidden(c.entries(), v.hiddenIds(), edited);
        } else {
            byId = visibleAssets(entries.stream().map(CutEntry::asset).toList(), user);
        }
        String title = in.title() == null ? c.title() : in.title().strip();
        if (title.isEmpty()) {
            throw ApiException.invalid("cut.title");
        }
        String node = in.outlineNode() == null ? c.outlineNode() : in.outlineNode().isEmpty() ? null : in.outlineNode();
        Cut next = new Cut(c.id(), title, c.owner(), c.ownerName(), c.unit(),
                in.shared() == null ? c.shared() : in.shared(),
                in.editors() == null ? c.editors() : editors(in.editors(), c.owner()), node, rate, start, entries,
                c.version(), c.createdAt(), c.updatedAt(), c.deleted());
        checkLayout(next, byId, user);
        return save(next, in.version(), user);
    }

    public CutView append(String id, AppendInput in, User user) {
        Cut c = find(id);
        policy.check(user, Action.EDIT, resource(c));
        checkVersion(c, in.version(), user);
        List<EntryInput> given = new ArrayList<>();
        if (in.bin() != null) {
            given.addAll(fromBin(in.bin(), in.items(), user));
        }
        if (in.entries() != null) {
            given.addAll(in.entries());
        }
        if (given.isEmpty()) {
            throw ApiException.invalid("cut.nothingToAdd");
        }
        Map<String, Asset> byId = visibleAssets(given.stream().map(EntryInput::asset).toList(), user);
        Set<String> existing = new HashSet<>();
        c.entries().forEach(e -> existing.add(e.id()));
        List<CutEntry> added = entries(given, byId, existing);
        List<CutEntry> all = new ArrayList<>(c.entries());
        int at = in.at() == null ? all.size() : Math.min(in.at(), all.size());
        // "at" counts the entries the producer sees; hidden ones before that point keep their place
        Set<String> hidden = visibleSheet(c, user, Layout.IDS).hiddenIds();
        int seen = 0;
        int pos = 0;
        while (pos < all.size() && (seen < at || hidden.contains(all.get(pos).id()))) {
            if (!hidden.contains(all.get(pos).id())) {
                seen++;
            }
            pos++;
        }
        if (in.at() == null) {
            pos = all.size();
        }
        all.addAll(pos, added);
        if (all.size() > MAX_ENTRIES) {
            throw ApiException.invalid("cut.full", MAX_ENTRIES);
        }
        Cut next = c.withEntries(all);
        checkLayout(next, byId, user);
        return save(next, in.version(), user);
    }

    public CutView split(String id, String entryId, SplitInput in, User user) {
        Cut c = find(id);
        policy.check(user, Action.EDIT, resource(c));
        checkVersion(c, in.version(), user);
        int k = indexOf(c, entryId);
        CutEntry e = c.entries().get(k);
        Asset a = visibleAssets(List.of(e.asset()), user).get(e.asset());
        if (a == null) {
            throw ApiException.notFound("cut entry", entryId);
        }
        Timebase tb = timebase(a, k);
        Timecode at;
        Timecode from;
        Timecode to;
        try {
            at = Timecode.parse(in.at(), tb.rate());
            from = Timecode.parse(e.in(), tb.rate());
            to = Timecode.parse(e.out(), tb.rate());
        } catch (IllegalArgumentException x) {
            throw ApiException.invalid("cut.splitAt", in.at(), e.in(), e.out());
        }
        long perDay = tb.rate().framesPerDay();
        long intoEntry = Math.floorMod(at.frames() - from.frames(), perDay);
        long length = Math.floorMod(to.frames() - from.frames(), perDay);
        if (intoEntry <= 0 || intoEntry >= length) {
            throw ApiException.invalid("cut.splitAt", in.at(), e.in(), e.out());
        }
        List<CutEntry> all = new ArrayList<>(c.entries());
        all.set(k, e.withRange(e.in(), at.toString()));
        all.add(k + 1, new CutEntry(newId(c.entries()), e.asset(), at.toString(), e.out(), e.note(), 0, e.video(), e.audio()));
        Cut next = c.withEntries(all);
        checkLayout(next, Map.of(a.id(), a), user);
        return save(next, in.version(), user);
    }

    /** A copy of a cut (its visible entries) as a new cut of the person copying it. */
    public CutView duplicate(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.VIEW, resource(c));
        policy.check(user, Action.ASSEMBLE, Resource.catalog());
        Visible v = visibleSheet(c, user, Layout.IDS);
        List<CutEntry> kept = c.keeping(e -> !v.hiddenIds().contains(e.id())).entries();
        Cut copy = new Cut(null, copyTitle(c.title()), user.name(), user.displayName(), user.unit(), false, List.of(),
                c.outlineNode(), c.rate(), c.start(), kept, 1, Instant.now(), Instant.now(), false);
        return view(cuts.insert(copy), user);
    }

    public void delete(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.DELETE, resource(c));
        cuts.setDeleted(id, true);
    }

    public CutView restore(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.RESTORE, resource(c));
        cuts.setDeleted(id, false);
        return get(id, user);
    }

    // ---- exports ----

    public Export export(String id, String format, int reelLength, int xmemlVersion, User user) {
        CutSheet s = sheet(id, user);
        String f = format == null ? "edl" : format.strip().toLowerCase(java.util.Locale.ROOT);
        String base = fileBase(s.cut().title());
        return switch (f) {
            case "edl" -> {
                if (reelLength < 8 || reelLength > 128) {
                    throw ApiException.invalid("cut.reelLength", reelLength);
                }
                yield new Export(EdlFormat.write(s, reelLength).getBytes(StandardCharsets.UTF_8),
                        "text/plain;charset=UTF-8", base + ".edl");
            }
            case "otio" -> new Export(OtioFormat.write(s).getBytes(StandardCharsets.UTF_8), "application/json",
                    base + ".otio");
            case "xmeml", "xml", "fcp7" -> {
                if (xmemlVersion != 4 && xmemlVersion != 5) {
                    throw ApiException.invalid("cut.xmemlVersion", xmemlVersion);
                }
                yield new Export(XmemlFormat.write(s, xmemlVersion).getBytes(StandardCharsets.UTF_8),
                        "application/xml", base + ".xml");
            }
            case "fcpxml" -> new Export(FcpxmlFormat.write(s).getBytes(StandardCharsets.UTF_8), "application/xml",
                    base + ".fcpxml");
            case "csv" -> new Export(ShotListFormat.csv(s), "text/csv;charset=UTF-8", base + "-镜头表.csv");
            case "xlsx" -> new Export(ShotListFormat.xlsx(s, posters(s, user)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + "-镜头表.xlsx");
            default -> throw ApiException.invalid("cut.format", format);
        };
    }

    private Map<String, byte[]> posters(CutSheet s, User user) {
        Map<String, byte[]> out = new HashMap<>();
        for (CutSheet.Placed p : s.placed()) {
            if (!p.source().hasVideo()) {
                continue;
            }
            try {
                long micros = Timecode.microsForFrames(p.sourceOffset(), p.source().rate());
                out.put(p.entry().id(), Files.readAllBytes(frames.frame(p.source().asset(), micros, 160, user)));
            } catch (ApiException | IOException | java.io.UncheckedIOException e) {
                // no proxy yet, or no frame there: the row is written without a picture
            }
        }
        return out;
    }

    // ---- rough cut ----

    @Schema(description = "The rough cut's render: its job (none, QUEUED, RUNNING, DONE, FAILED), progress, and the version of the cut the file shows")
    public record RenderView(String status, Double progress, String error, Long version, boolean stale, Long frames,
            String url) {
    }

    /** Asks for the rough cut to be rendered as the cut stands (again, if it was). */
    public RenderView render(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.DOWNLOAD, resource(c));
        if (visibleSheet(c, user, Layout.SHEET).sheet().placed().isEmpty()) {
            throw ApiException.invalid("cut.renderEmpty");
        }
        jobs.requeue(new Subject("cut", c.id()), CutRenderHandler.TYPE, new Scope(c.unit(), c.deleted()));
        return renderState(id, user);
    }

    public RenderView renderState(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.VIEW, resource(c));
        var state = jobs.state(new Subject("cut", c.id()), CutRenderHandler.TYPE);
        Long version = null;
        Long frames = null;
        Path facts = store.cutFile(c.id(), CutRenderHandler.FACTS);
        boolean file = Files.isReadable(store.cutFile(c.id(), CutRenderHandler.FILE)) && Files.isReadable(facts);
        if (file) {
            try {
                var node = org.yingzhi.shared.json.Json.MAPPER.readTree(Files.readString(facts));
                version = node.path("version").asLong();
                frames = node.path("frames").asLong();
            } catch (IOException | RuntimeException e) {
                file = false;
            }
        }
        return new RenderView(state.map(x -> x.status().name()).orElse("NONE"),
                state.map(JobQueue.State::progress).orElse(null),
                state.filter(x -> x.status() == JobStatus.FAILED || x.lastError() != null).map(JobQueue.State::lastError).orElse(null),
                version, version != null && version != c.version(), frames,
                file ? "/api/cuts/" + c.id() + "/render.mp4" : null);
    }

    /** The rendered rough cut's file, for whoever may download the cut. */
    public Path renderFile(String id, User user) {
        Cut c = find(id);
        policy.check(user, Action.DOWNLOAD, resource(c));
        Path p = store.cutFile(c.id(), CutRenderHandler.FILE);
        if (!Files.isReadable(p)) {
            throw ApiException.notFound("rough cut of", id);
        }
        return p;
    }

    // ---- conform package ----

    /**
     * What the conform package of a cut holds, decided before anything is sent: the originals (each asset's
     * download checked) or proxies, trimmed with handles or whole, and the lists pointing at them under {@code root}.
     */
    public CutConform.Plan conformPlan(String id, String media, boolean trim, int handles, int reelLength, String root,
            User user) {
        CutSheet s = sheet(id, user);
        CutConform.MediaKind kind;
        try {
            kind = CutConform.MediaKind.valueOf((media == null ? "original" : media).strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cut.conformMedia", media);
        }
        if (reelLength < 8 || reelLength > 128) {
            throw ApiException.invalid("cut.reelLength", reelLength);
        }
        String r = root == null || root.isBlank() ? "/conform/" + fileBase(s.cut().title()) : root.strip();
        if (!r.startsWith("/") || r.contains("..") || r.length() > 500 || r.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("cut.conformRoot", r);
        }
        if (kind == CutConform.MediaKind.ORIGINAL) {
            Map<String, Asset> byId = visibleAssets(s.placed().stream().map(p -> p.source().asset()).toList(), user);
            byId.values().forEach(a -> policy.check(user, Action.DOWNLOAD, assetResource(a)));
        }
        return conform.plan(s, new CutConform.Options(kind, trim, handles, reelLength, r.replaceAll("/+$", "")));
    }

    public void writeConform(CutConform.Plan plan, java.io.OutputStream out) throws IOException {
        conform.write(plan, out);
    }

    // ---- subclips ----

    /** A subclip made on disk: the file (the caller deletes it), its name, and what it holds. */
    public record Subclip(Path file, String fileName, String timecode, long frames, double keyframeSeconds,
            double inSeconds, boolean exactEnd) {
    }

    static final int MAX_HANDLES = 250;

    /**
     * One entry's range (with {@code handles} frames either side, within the clip) copied from the original without
     * re-encoding, as a QuickTime movie: from the keyframe at or before the in-point, with an edit list that starts
     * it at the in-point and ends it at the out-point, its own start timecode (the in-point's, less the handles),
     * and the asset's id, SHA-256 and rights in its metadata.
     */
    public Subclip subclip(String id, String entryId, int handles, User user) {
        if (handles < 0 || handles > MAX_HANDLES) {
            throw ApiException.invalid("cut.handles", handles, MAX_HANDLES);
        }
        CutSheet s = sheet(id, user);
        CutSheet.Placed p = s.placed().stream().filter(x -> x.entry().id().equals(entryId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("cut entry", entryId));
        Asset a = visibleAssets(List.of(p.source().asset()), user).get(p.source().asset());
        if (a == null) {
            throw ApiException.notFound("cut entry", entryId);
        }
        policy.check(user, Action.DOWNLOAD, assetResource(a));
        FrameRate rate = p.source().rate();
        long from = Math.max(0, p.sourceOffset() - handles);
        long to = Math.min(p.source().durationFrames(), p.sourceOffset() + p.sourceFrames() + handles);
        Timecode tc = p.source().start().plusFrames(from);
        Path original = store.original(a.original().sha256(), a.original().ext());
        Path out;
        try {
            out = Files.createTempFile(store.tempDir(), "subclip-", ".mov");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("title", a.title());
            meta.put("comment", "yingzhi asset " + a.id() + " sha256 " + a.original().sha256() + " source " + tc + "-"
                    + p.source().start().plusFrames(to) + " of " + a.original().fileName());
            if (a.rights() != null && !a.rights().isBlank()) {
                meta.put("copyright", a.rights());
            }
            long fromMicros = Timecode.microsForFrames(from, rate);
            long toMicros = Timecode.microsForFrames(to, rate);
            MediaToolkit.SubclipResult r = media.subclip(original, out, new MediaToolkit.SubclipSpec(fromMicros,
                    toMicros, p.source().hasVideo() ? tc.toString() : null, meta));
            boolean exact = Mp4Edits.trimTo(out, toMicros - fromMicros);
            String name = fileBase(Reels.stem(a.original().fileName()) + "_" + tc.toString().replace(':', '-').replace(';', '-'))
                    + ".mov";
            return new Subclip(out, name, tc.toString(), to - from, r.keyframeMicros() / 1e6, fromMicros / 1e6, exact);
        } catch (MediaException e) {
            deleteQuietly(out);
            throw ApiException.coded(HttpStatus.UNPROCESSABLE_CONTENT, "Subclip not made", "cut.subclip", e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file: the store's sweep removes it
        }
    }

    // ---- import ----

    /** Reads an EDL, Final Cut Pro 7 XML or OTIO timeline and makes it a new cut of the person importing. */
    public ImportResult importList(byte[] body, String format, String title, String rateText, User user) {
        policy.check(user, Action.ASSEMBLE, Resource.catalog());
        if (body == null || body.length == 0) {
            throw ApiException.invalid("cut.importEmpty");
        }
        if (body.length > MAX_IMPORT_BYTES) {
            throw ApiException.invalid("cut.importSize", MAX_IMPORT_BYTES >> 20);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String f = format == null || format.isBlank() ? detect(text) : format.strip().toLowerCase(java.util.Locale.ROOT);
        FrameRate given = null;
        if (rateText != null && !rateText.isBlank()) {
            try {
                given = FrameRate.parse(rateText);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("cut.rate", rateText);
            }
        }
        String readTitle;
        FrameRate rate;
        String startLabel;
        List<ImportedClip> clips;
        List<String> warnings;
        try {
            switch (f) {
                case "edl" -> {
                    EdlFormat.Read r = EdlFormat.read(text);
                    rate = given != null ? given : r.dropFrame() ? FrameRate.FPS_29_97_DF : FrameRate.FPS_25;
                    rate = rate.supportsDropFrame() ? rate.withDropFrame(r.dropFrame()) : rate;
                    clips = ImportedClip.fromEdl(r, rate);
                    readTitle = r.title();
                    startLabel = r.events().isEmpty() ? null : r.events().get(0).recordIn();
                    warnings = r.warnings();
                }
                case "xmeml", "xml" -> {
                    XmemlFormat.Read r = XmemlFormat.read(text);
                    rate = r.rate() != null ? r.rate() : given != null ? given : FrameRate.FPS_25;
                    clips = r.clips();
                    readTitle = r.title();
                    startLabel = r.startTimecode();
                    warnings = r.warnings();
                }
                case "otio" -> {
                    OtioFormat.Read r = OtioFormat.read(text);
                    rate = r.rate() != null ? r.rate() : given != null ? given : FrameRate.FPS_25;
                    clips = r.clips();
                    readTitle = r.title();
                    startLabel = r.startTimecode();
                    warnings = r.warnings();
                }
                default -> throw ApiException.invalid("cut.importFormat", format);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cut.importUnreadable", e.getMessage());
        }
        if (clips.isEmpty()) {
            throw ApiException.invalid("cut.importNothing");
        }
        if (clips.size() > MAX_ENTRIES) {
            throw ApiException.invalid("cut.full", MAX_ENTRIES);
        }
        Map<String, Asset> candidates = candidates(clips, user);
        List<CutEntry> entries = new ArrayList<>();
        Map<String, Asset> used = new HashMap<>();
        List<Unmatched> unmatched = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ImportedClip clip : clips) {
            List<Asset> found = match(clip, candidates);
            if (found.isEmpty()) {
                unmatched.add(unmatched(clip, "none"));
                continue;
            }
            if (found.size() > 1) {
                unmatched.add(unmatched(clip, "ambiguous"));
                continue;
            }
            Asset a = found.get(0);
            CutSource src = sourcesOf.source(a, null);
            CutEntry e;
            try {
                e = clip.toEntry(uniqueId(ids), src);
                // laid out alone: it must lie inside its asset, and a dissolve is at most its record length
                long length = CutSheet.of(new Cut(null, "x", user.name(), null, null, false, List.of(), null, rate,
                        Timecode.zero(rate), List.of(e.withDissolve(0)), 1, Instant.now(), Instant.now(), false),
                        Map.of(a.id(), src)).totalFrames();
                if (entries.isEmpty()) {
                    e = e.withDissolve(0); // nothing to dissolve from
                } else if (e.dissolve() > length) {
                    e = e.withDissolve((int) length);
                }
            } catch (ApiException x) {
                unmatched.add(unmatched(clip, "outside"));
                continue;
            }
            entries.add(e);
            used.put(a.id(), a);
        }
        if (entries.isEmpty()) {
            throw ApiException.invalid("cut.importNothing").with("unmatched", unmatched);
        }
        Timecode start;
        try {
            start = startLabel == null ? start(null, rate) : Timecode.parse(
                    startLabel.replace(';', rate.dropFrame() ? ';' : ':'), rate);
        } catch (IllegalArgumentException e) {
            start = start(null, rate);
        }
        String t = title != null && !title.isBlank() ? title.strip()
                : readTitle != null && !readTitle.isBlank() ? readTitle.strip() : "导入的剪辑";
        Cut c = new Cut(null, t.length() > 200 ? t.substring(0, 200) : t, user.name(), user.displayName(), user.unit(),
                false, List.of(), null, rate, start, entries, 1, Instant.now(),
                Instant.now(), false);
        CutSheet.of(c, sources(c.entries(), used));
        return new ImportResult(view(cuts.insert(c), user), clips.size(), entries.size(), unmatched, warnings);
    }

    static String detect(String text) {
        String head = text.stripLeading();
        if (head.startsWith("{")) {
            return "otio";
        }
        if (head.startsWith("<") && head.substring(0, Math.min(head.length(), 4096)).contains("<xmeml")) {
            return "xmeml";
        }
        return "edl";
    }

    private static Unmatched unmatched(ImportedClip c, String reason) {
        return new Unmatched(c.line(), c.reel(), c.clipName(), c.fileName(), c.sourceIn(), reason);
    }

    /** The assets the clips may mean: by our own id, or by file name, title or tape name, that the user may see. */
    private Map<String, Asset> candidates(List<ImportedClip> clips, User user) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (ImportedClip c : clips) {
            if (c.asset() != null) {
                ids.add(c.asset().toLowerCase(java.util.Locale.ROOT));
            }
            for (String n : new String[] {c.clipName(), c.reel(), c.fileName() == null ? null : FileUrls.fileName(c.fileName())}) {
                if (n != null && !n.isBlank() && n.length() <= 500) {
                    names.add(n.strip());
                }
            }
        }
        Map<String, Asset> out = new LinkedHashMap<>();
        for (Asset a : assets.byIds(List.copyOf(ids))) {
            out.put(a.id(), a);
        }
        for (Asset a : assets.findByNames(names, 2000)) {
            out.put(a.id(), a);
        }
        out.values().removeIf(a -> a.deleted() || a.type() == AssetType.PHOTO || a.timebase().isEmpty()
                || !policy.allows(user, Action.VIEW, assetResource(a)));
        return out;
    }

    /**
     * The assets a clip names: our id when it kept one; else those whose file name, then title, then tape name is
     * the clip's; several left are narrowed to those whose source timecode holds the clip's in-point.
     */
    static List<Asset> match(ImportedClip clip, Map<String, Asset> candidates) {
        if (clip.asset() != null) {
            Asset a = candidates.get(clip.asset().toLowerCase(java.util.Locale.ROOT));
            if (a != null) {
                return List.of(a);
            }
        }
        String file = clip.fileName() == null ? null : FileUrls.fileName(clip.fileName());
        List<List<Asset>> tiers = new ArrayList<>();
        tiers.add(candidates.values().stream().filter(a -> file != null && file.equals(a.original().fileName())).toList());
        tiers.add(candidates.values().stream().filter(a -> clip.clipName() != null && clip.clipName().strip().equals(a.title())).toList());
        tiers.add(candidates.values().stream().filter(a -> clip.clipName() != null && clip.clipName().strip().equals(a.original().fileName())).toList());
        tiers.add(candidates.values().stream().filter(a -> clip.reel() != null && clip.reel().equals(CutSources.tapeName(a))).toList());
        for (List<Asset> tier : tiers) {
            if (tier.size() == 1) {
                return tier;
            }
            if (tier.size() > 1) {
                List<Asset> holding = tier.stream().filter(a -> holds(a, clip)).toList();
                return holding.isEmpty() ? tier : holding;
            }
        }
        return List.of();
    }

    private static boolean holds(Asset a, ImportedClip clip) {
        Timebase tb = a.timebase().orElse(null);
        if (tb == null || clip.sourceIn() == null) {
            return false;
        }
        try {
            FrameRate r = clip.rate();
            Timecode in = Timecode.parse(clip.sourceIn().replace(';', r.dropFrame() ? ';' : ':'), r);
            long at = CutSheet.conform(in.frames(), r, tb.rate());
            long from = Math.floorMod(at - tb.start().frames(), tb.rate().framesPerDay());
            return from < tb.durationFrames();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- parts ----

    private record Visible(CutSheet sheet, Set<String> hiddenIds) {
    }

    /** How much of a cut {@link #visibleSheet} lays out: only which entries are hidden, the sheet, or the sheet with links. */
    private enum Layout { IDS, SHEET, LINKED }

    /**
     * The cut with the entries the user may not see left out (their ids returned), laid out as asked: the links of
     * each asset to the gazetteer are read only for what shows them (the shot lists).
     */
    private Visible visibleSheet(Cut c, User user, Layout layout) {
        Map<String, Asset> byId = visibleAssets(c.entries().stream().map(CutEntry::asset).toList(), user);
        Set<String> hidden = new HashSet<>();
        for (CutEntry e : c.entries()) {
            if (!byId.containsKey(e.asset())) {
                hidden.add(e.id());
            }
        }
        if (layout == Layout.IDS) {
            return new Visible(null, hidden);
        }
        Map<String, CutSource> sources = new HashMap<>();
        for (Asset a : byId.values()) {
            sources.put(a.id(), sourcesOf.source(a, layout == Layout.LINKED ? linked(a, user) : null));
        }
        return new Visible(CutSheet.of(c.keeping(e -> byId.containsKey(e.asset())), sources), hidden);
    }

    private List<CutSource.Linked> linked(Asset a, User user) {
        List<CutSource.Linked> out = new ArrayList<>();
        try {
            for (LinkService.Named n : links.assetLinks(a.id(), user)) {
                var l = n.link();
                if (l.range() == null) {
                    out.add(new CutSource.Linked(l.targetKind().wire(), n.targetName(), 0, -1));
                } else {
                    out.add(new CutSource.Linked(l.targetKind().wire(), n.targetName(), l.range().startFrame(),
                            l.range().frames()));
                }
            }
        } catch (ApiException e) {
            // not visible: no links to show
        }
        return out;
    }

    /** Assets by id that the user may see and that are not deleted. */
    private Map<String, Asset> visibleAssets(List<String> ids, User user) {
        Map<String, Asset> out = new HashMap<>();
        for (Asset a : assets.byIds(ids.stream().distinct().toList())) {
            if (!a.deleted() && policy.allows(user, Action.VIEW, assetResource(a))) {
                out.put(a.id(), a);
            }
        }
        return out;
    }

    private List<EntryInput> fromBin(String binId, List<String> itemIds, User user) {
        List<EntryInput> out = new ArrayList<>();
        for (Bin.Item i : bins.items(binId, itemIds, user)) {
            if ("PHOTO".equals(i.type())) {
                if (itemIds != null && !itemIds.isEmpty()) {
                    throw ApiException.invalid("cut.photo", out.size() + 1);
                }
                continue; // a whole bin: its photos are for chapters, not the timeline
            }
            out.add(new EntryInput(null, i.asset(), i.in(), i.out(), i.note(), null, null, null));
        }
        return out;
    }

    /** Entries from inputs: ranges checked against their assets, defaults filled, ids kept or made unique. */
    private List<CutEntry> entries(List<EntryInput> given, Map<String, Asset> byId, Set<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        List<CutEntry> out = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            EntryInput i = given.get(k);
            int n = k + 1;
            Asset a = byId.get(i.asset());
            if (a == null) {
                throw ApiException.invalid("cut.entryAsset", n, i.asset());
            }
            if (a.type() == AssetType.PHOTO) {
                throw ApiException.invalid("cut.photo", n);
            }
            timebase(a, k);
            SourceRange r;
            try {
                r = (i.in() == null || i.in().isBlank()) && (i.out() == null || i.out().isBlank())
                        ? SourceRange.whole(a) : SourceRange.of(a, i.in(), i.out(), null, null);
            } catch (ApiException e) {
                throw e.with("entry", n);
            }
            // an id given is kept unless it is taken (by a hidden entry, an entry appended to, or twice in the input)
            String id = i.id() != null && taken.add(i.id()) ? i.id() : uniqueId(taken);
            boolean hasVideo = a.media() != null && a.media().hasVideo();
            boolean video = i.video() == null ? hasVideo : i.video() && hasVideo;
            int channels = CutSources.channels(a);
            List<Integer> audio = i.audio() == null
                    ? java.util.stream.IntStream.rangeClosed(1, Math.min(channels, 8)).boxed().toList()
                    : i.audio().stream().distinct().sorted().toList();
            for (int ch : audio) {
                if (ch > channels) {
                    throw ApiException.invalid("cut.audioChannel", n, ch, channels);
                }
            }
            if (!video && audio.isEmpty()) {
                throw ApiException.invalid("cut.noTrack", n);
            }
            String note = i.note() == null || i.note().isBlank() ? null : i.note().strip();
            out.add(new CutEntry(id, a.id(), r.in(), r.out(), note, i.dissolve() == null ? 0 : i.dissolve(), video, audio));
        }
        return out;
    }

    /**
     * The edited visible entries with the hidden ones put back where they were: each after the visible entry that
     * came before it in the stored cut (at the start when none did, or when that one was removed, after the
     * nearest earlier one kept).
     */
    static List<CutEntry> keepHidden(List<CutEntry> stored, Set<String> hidden, List<CutEntry> edited) {
        if (hidden.isEmpty()) {
            return edited;
        }
        Set<String> editedIds = new HashSet<>();
        edited.forEach(e -> editedIds.add(e.id()));
        Map<String, List<CutEntry>> after = new LinkedHashMap<>();
        List<CutEntry> leading = new ArrayList<>();
        String anchor = null;
        for (CutEntry e : stored) {
            if (hidden.contains(e.id())) {
                (anchor == null ? leading : after.computeIfAbsent(anchor, x -> new ArrayList<>())).add(e);
            } else if (editedIds.contains(e.id())) {
                anchor = e.id();
            }
        }
        List<CutEntry> out = new ArrayList<>(leading);
        for (CutEntry e : edited) {
            out.add(e);
            out.addAll(after.getOrDefault(e.id(), List.of()));
        }
        if (edited.isEmpty()) {
            after.values().forEach(out::addAll);
        }
        return out;
    }

    private void checkLayout(Cut c, Map<String, Asset> given, User user) {
        Map<String, Asset> byId = new HashMap<>(given);
        List<String> missing = c.entries().stream().map(CutEntry::asset).filter(a -> !byId.containsKey(a)).distinct().toList();
        for (Asset a : assets.byIds(missing)) {
            byId.put(a.id(), a); // hidden entries' assets: laid out as stored
        }
        List<CutEntry> present = c.entries().stream().filter(e -> byId.containsKey(e.asset())).toList();
        CutSheet.of(c.withEntries(present), sources(present, byId));
        if (c.entries().size() > MAX_ENTRIES) {
            throw ApiException.invalid("cut.full", MAX_ENTRIES);
        }
    }

    private CutView save(Cut next, long expected, User user) {
        Cut saved = cuts.replace(next, expected).orElseThrow(() -> conflict(next.id(), user));
        return view(saved, user);
    }

    private void checkVersion(Cut c, long version, User user) {
        if (c.version() != version) {
            throw conflict(c.id(), user);
        }
    }

    private ApiException conflict(String id, User user) {
        Cut now = find(id);
        return ApiException.coded(HttpStatus.CONFLICT, "Changed meanwhile", "cut.conflict", now.version(),
                now.updatedAt()).with("current", view(now, user));
    }

    private Map<String, CutSource> sources(List<CutEntry> entries, Map<String, Asset> byId) {
        Map<String, CutSource> out = new HashMap<>();
        for (CutEntry e : entries) {
            Asset a = byId.get(e.asset());
            if (a != null) {
                out.computeIfAbsent(a.id(), x -> sourcesOf.source(a, null));
            }
        }
        return out;
    }

    private static Timebase timebase(Asset a, int k) {
        return a.timebase().orElseThrow(() -> ApiException.invalid("cut.noTimebase", k + 1, a.title()));
    }

    private CutView view(Cut c, User user) {
        Visible v = visibleSheet(c, user, Layout.SHEET);
        CutSheet s = v.sheet();
        List<EntryView> entries = new ArrayList<>();
        for (CutSheet.Placed p : s.placed()) {
            CutSource src = p.source();
            String base = "/api/assets/" + src.asset();
            double proxyIn = Timecode.microsForFrames(p.sourceOffset(), src.rate()) / 1e6;
            double proxyOut = Timecode.microsForFrames(p.sourceOffset() + p.sourceFrames(), src.rate()) / 1e6;
            String poster = src.hasVideo() ? base + "/frame?size=320&at=" + proxyIn : null;
            String player = src.hasVideo() ? base + "/proxy#t=" + proxyIn + "," + proxyOut
                    : base + "/audio#t=" + proxyIn + "," + proxyOut;
            entries.add(new EntryView(p.entry().id(), src.asset(), src.title(), src.kind(), src.unit(), p.entry().in(),
                    p.entry().out(), src.rate().rational(), src.rate().dropFrame(), p.sourceFrames(),
                    p.recordIn().toString(), p.recordOut().toString(), p.recordFrames(),
                    Timecode.microsForFrames(p.recordFrames(), s.rate()) / 1e6, p.entry().dissolve(), p.entry().video(),
                    p.entry().audio(), src.audioChannels(), src.hasVideo(), p.entry().note(), poster, player, proxyIn,
                    proxyOut, src.start().toString(), src.start().plusFrames(src.durationFrames()).toString()));
        }
        Resource r = resource(c);
        return new CutView(c.id(), c.title(), c.owner(), c.ownerName(), c.unit(), c.shared(), c.editors(),
                c.outlineNode(), c.rate().rational(), c.rate().dropFrame(), c.rate().toString(), c.start().toString(),
                s.recordEnd().toString(), Timecode.ofFrames(s.totalFrames(), s.rate()).toString(), s.totalFrames(),
                Timecode.microsForFrames(s.totalFrames(), s.rate()) / 1e6, s.mixedRates(),
                s.mixedRates() ? CutSheet.RATE_RULE : null, c.version(), c.createdAt(), c.updatedAt(),
                policy.allows(user, Action.EDIT, r), policy.allows(user, Action.DELETE, r), entries, v.hiddenIds().size());
    }

    private static FrameRate rate(String text, String start, Asset first) {
        FrameRate r;
        if (text != null && !text.isBlank()) {
            try {
                r = FrameRate.parse(text);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("cut.rate", text);
            }
            if (r.timecodeBase() < 1 || r.timecodeBase() > 120) {
                throw ApiException.invalid("cut.rate", text);
            }
        } else if (first != null && first.timebase().isPresent()) {
            r = first.timebase().get().rate();
        } else {
            r = FrameRate.FPS_25;
        }
        if (start != null && r.supportsDropFrame()) {
            r = r.withDropFrame(Timecode.looksDropFrame(start) || (text != null && r.dropFrame()));
        } else if (r.dropFrame() && !r.supportsDropFrame()) {
            throw ApiException.invalid("cut.rate", text);
        }
        return r;
    }

    private static Timecode start(String text, FrameRate rate) {
        String fallback = rate.dropFrame() ? "01:00:00;00" : DEFAULT_START;
        try {
            return Timecode.parse(text == null || text.isBlank() ? fallback : text.strip(), rate);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cut.start", text, fallback);
        }
    }

    private static String copyTitle(String t) {
        String c = t + "（副本）";
        return c.length() > 200 ? c.substring(0, 200) : c;
    }

    static String fileBase(String title) {
        String s = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (s.isEmpty() || s.chars().allMatch(ch -> ch == '.' || ch == '_')) {
            s = "cut";
        }
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static int indexOf(Cut c, String entryId) {
        for (int i = 0; i < c.entries().size(); i++) {
            if (c.entries().get(i).id().equals(entryId)) {
                return i;
            }
        }
        throw ApiException.notFound("cut entry", entryId);
    }

    private static String newId(List<CutEntry> existing) {
        Set<String> taken = new HashSet<>();
        existing.forEach(e -> taken.add(e.id()));
        return uniqueId(taken);
    }

    private static String uniqueId(Set<String> taken) {
        while (true) {
            String id = "e" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    private static List<String> editors(List<String> given, String owner) {
        return given == null ? List.of() : given.stream().map(String::strip).filter(s -> !s.isEmpty())
                .filter(s -> !s.equals(owner)).distinct().toList();
    }

    private Cut find(String id) {
        return cuts.find(id).orElseThrow(() -> ApiException.notFound("cut", id));
    }

    static Resource resource(Cut c) {
        return Resource.collection(ResourceKind.CUT, c.owner(), c.shared(), c.editors(), c.deleted());
    }

    private static Resource assetResource(Asset a) {
        return new Resource(ResourceKind.ASSET, a.contributorUnit(), a.deleted());
    }
}
