package org.yingzhi.interview;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.AssetType;
import org.yingzhi.gazetteer.index.Entry;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.audit.Probe;
import org.yingzhi.shared.time.CatalogTime;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.MediaStore;

/**
 * Interviews: make and describe them, tie their recordings, keep the consent form, and say what may not be
 * published. Every write is checked by the access policy and audited once.
 */
@Service
public class InterviewService {

    static final long MAX_CONSENT_BYTES = 30L * 1024 * 1024;
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final InterviewRepository repo;
    private final InterviewShelf shelf;
    private final AssetReader assets;
    private final EntryService entries;
    private final OutlineService outline;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final MediaStore store;
    private final ChangeLog changes;

    InterviewService(InterviewRepository repo, InterviewShelf shelf, AssetReader assets, EntryService entries,
            OutlineService outline, AccessPolicy policy, AuditLog audit, MediaStore store, ChangeLog changes) {
        this.repo = repo;
        this.shelf = shelf;
        this.assets = assets;
        this.entries = entries;
        this.outline = outline;
        this.policy = policy;
        this.audit = audit;
        this.store = store;
        this.changes = changes;
    }

    @Schema(description = "An interview's description; on a change, only the fields given change")
    public record InterviewInput(@Size(max = 200) String title,
            @Schema(description = "the recordings (asset ids), in order") @Size(max = 20) List<@Pattern(regexp = "[0-9a-f]{24}") String> assets,
            @Schema(description = "interviewees: ids of people in the index") @Size(max = 20) List<@Pattern(regexp = "[0-9a-f]{24}") String> interviewees,
            @Size(max = 20) List<@Size(max = 100) String> interviewers,
            @Schema(description = "yyyy, yyyy-mm or yyyy-mm-dd", example = "2026-10-12") @Size(max = 10) String date,
            @Size(max = 200) String place,
            @Schema(description = "a place of the index") @Pattern(regexp = "[0-9a-f]{24}|") String placeId,
            @Schema(description = "languages spoken, e.g. zh, bo (Tibetan), ug (Uyghur)") @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?") String> languages,
            @Schema(description = "the outline node it serves") @Pattern(regexp = "[0-9a-f]{24}|") String chapter,
            @Schema(description = "the aid project it serves") @Pattern(regexp = "[0-9a-f]{24}|") String project,
            @Size(max = 8000) String summary, @Valid RestrictionInput restriction,
            @Schema(description = "the version read, for a change (409 when someone wrote since)") Long version) {
    }

    @Schema(description = "What may not be published: before a date, or not in the public publication at all")
    public record RestrictionInput(@Schema(description = "yyyy-mm-dd, empty: none") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}|") String embargoUntil,
            Boolean publicUse, @Size(max = 1000) String note) {
    }

    @Schema(description = "An interview as pages and clients see it")
    public record InterviewView(String id, String title, String unit, List<AssetRef> assets, List<Person> interviewees,
            List<String> interviewers, String date, String place, String placeId, List<String> languages, String chapter,
            String chapterTitle, String project, String projectName, String summary, Interview.Restriction restriction,
            boolean embargoed, boolean publishable, ConsentView consent, long version, Instant createdAt,
            Instant updatedAt, boolean canEdit, boolean canReadRestricted, int transcripts) {
    }

    public record AssetRef(String id, String title, String type, Long durationMicros) {
    }

    public record Person(String id, String name) {
    }

    public record ConsentView(String fileName, String contentType, long size, String by, Instant at) {
    }

    public InterviewView create(InterviewInput in, User user) {
        List<Asset> recordings = recordings(in.assets());
        String unit = recordings.isEmpty() ? user.unit() : recordings.get(0).contributorUnit();
        policy.check(user, Action.EDIT, Resource.of(ResourceKind.INTERVIEW, unit));
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            throw ApiException.invalid("interview.title");
        }
        for (Asset a : recordings) {
            shelf.interviewOf(a.id()).ifPresent(other -> {
                throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "interview.assetTaken", a.id(), other.title());
            });
        }
        Instant now = Instant.now();
        Interview i = new Interview(new ObjectId().toHexString(), title, unit,
                recordings.stream().map(Asset::id).toList(), people(in.interviewees()), names(in.interviewers()),
                date(in.date()), blank(in.place()), ref(in.placeId(), EntryKind.PLACE), languages(in.languages()),
                chapter(in.chapter()), ref(in.project(), EntryKind.PROJECT), blank(in.summary()),
                restriction(in.restriction(), Interview.Restriction.NONE), null, user.name(), now, now, 1, false);
        Change c = Change.of(AuditActions.INTERVIEW_CHANGE, "interview", i.id()).unit(unit).with("op", "create")
                .with("title", title).with("assets", i.assets()).with("interviewees", i.interviewees())
                .with("restriction", restrictionText(i.restriction()));
        audit.write(c, Probe.exists(InterviewRepository.INTERVIEWS, new Document("_id", new ObjectId(i.id()))),
                () -> repo.saveInterview(InterviewRepository.document(i), 0));
        touchTranscripts(i);
        return view(i, user);
    }

    public InterviewView update(String id, InterviewInput in, User user) {
        Interview was = find(id);
        policy.check(user, Action.EDIT, resource(was));
        if (in.version() != null && in.version() != was.version()) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "interview.stale", was.version());
        }
        List<String> assetIds = was.assets();
        if (in.assets() != null) {
            List<Asset> recordings = recordings(in.assets());
            for (Asset a : recordings) {
                shelf.interviewOf(a.id()).filter(o -> !o.id().equals(id)).ifPresent(other -> {
                    throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "interview.assetTaken", a.id(), other.title());
                });
            }
            assetIds = recordings.stream().map(Asset::id).toList();
        }
        String title = in.title() == null ? was.title() : in.title().strip();
        if (title.isEmpty()) {
            throw ApiException.invalid("interview.title");
        }
        Interview now = new Interview(was.id(), title, was.unit(), assetIds,
                in.interviewees() == null ? was.interviewees() : people(in.interviewees()),
                in.interviewers() == null ? was.interviewers() : names(in.interviewers()),
                in.date() == null ? was.date() : date(in.date()), in.place() == null ? was.place() : blank(in.place()),
                in.placeId() == null ? was.placeId() : ref(in.placeId(), EntryKind.PLACE),
                in.languages() == null ? was.languages() : languages(in.languages()),
                in.chapter() == null ? was.chapter() : chapter(in.chapter()),
                in.project() == null ? was.project() : ref(in.project(), EntryKind.PROJECT),
                in.summary() == null ? was.summary() : blank(in.summary()),
                restriction(in.restriction(), was.restriction()), was.consent(), was.createdBy(), was.createdAt(),
                Instant.now(), was.version() + 1, false);
        Change c = Change.of(AuditActions.INTERVIEW_CHANGE, "interview", id).unit(was.unit()).with("op", "update");
        c = diff(c, "title", was.title(), now.title());
        c = diff(c, "assets", was.assets(), now.assets());
        c = diff(c, "interviewees", was.interviewees(), now.interviewees());
        c = diff(c, "interviewers", was.interviewers(), now.interviewers());
        c = diff(c, "date", was.date(), now.date());
        c = diff(c, "place", was.place(), now.place());
        c = diff(c, "languages", was.languages(), now.languages());
        c = diff(c, "chapter", was.chapter(), now.chapter());
        c = diff(c, "summary", was.summary(), now.summary());
        c = diff(c, "restriction", restrictionText(was.restriction()), restrictionText(now.restriction()));
        boolean ok = audit.write(c, Probe.exists(InterviewRepository.INTERVIEWS,
                new Document("_id", new ObjectId(id)).append("version", now.version())),
                () -> repo.saveInterview(InterviewRepository.document(now), was.version()));
        if (!ok) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "interview.stale", was.version());
        }
        touchTranscripts(was);
        touchTranscripts(now);
        return view(now, user);
    }

    public void delete(String id, User user) {
        Interview was = find(id);
        policy.check(user, Action.DELETE, resource(was));
        Interview gone = new Interview(was.id(), was.title(), was.unit(), was.assets(), was.interviewees(),
                was.interviewers(), was.date(), was.place(), was.placeId(), was.languages(), was.chapter(), was.project(),
                was.summary(), was.restriction(), was.consent(), was.createdBy(), was.createdAt(), Instant.now(),
                was.version() + 1, true);
        audit.write(Change.of(AuditActions.INTERVIEW_CHANGE, "interview", id).unit(was.unit()).with("op", "delete"),
                Probe.exists(InterviewRepository.INTERVIEWS, new Document("_id", new ObjectId(id)).append("deleted", true)),
                () -> repo.saveInterview(InterviewRepository.document(gone), was.version()));
        touchTranscripts(was);
    }

    /** Stores the signed consent and release form (PDF or a scan); a new one replaces the old (the audit log keeps both hashes). */
    public InterviewView consent(String id, String fileName, String contentType, InputStream body, User user) {
        Interview was = find(id);
        policy.check(user, Action.EDIT, resource(was));
        String ext = consentExt(fileName, contentType);
        MediaStore.Received r;
        try {
            r = store.receive(body, MAX_CONSENT_BYTES);
        } catch (MediaStore.TooLargeException e) {
            throw ApiException.coded(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "interview.consentTooLarge",
                    MAX_CONSENT_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (r.size() == 0) {
            store.discard(r);
            throw ApiException.invalid("interview.consentEmpty");
        }
        if (!looksLike(ext, r.head())) {
            store.discard(r);
            throw ApiException.invalid("interview.consentType", ext);
        }
        try {
            store.commitDocument(r, "interview", id, ext);
        } catch (IOException e) {
            store.discard(r);
            throw new UncheckedIOException(e);
        }
        String name = fileName == null || fileName.isBlank() ? "consent." + ext : fileName.strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        Interview.Consent consent = new Interview.Consent(r.sha256(), ext, name, mime(ext), r.size(), user.name(), Instant.now());
        Interview now = new Interview(was.id(), was.title(), was.unit(), was.assets(), was.interviewees(),
                was.interviewers(), was.date(), was.place(), was.placeId(), was.languages(), was.chapter(), was.project(),
                was.summary(), was.restriction(), consent, was.createdBy(), was.createdAt(), Instant.now(),
                was.version() + 1, false);
        Change c = Change.of(AuditActions.INTERVIEW_CHANGE, "interview", id).unit(was.unit()).with("op", "consent")
                .field("consent", was.consent() == null ? null : was.consent().sha256(), r.sha256()).with("fileName", name);
        boolean ok = audit.write(c, Probe.exists(InterviewRepository.INTERVIEWS,
                new Document("_id", new ObjectId(id)).append("version", now.version())),
                () -> repo.saveInterview(InterviewRepository.document(now), was.version()));
        if (!ok) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Conflict", "interview.stale", was.version());
        }
        return view(now, user);
    }

    /** The consent form's file, for those who may read what the restriction holds back (and always the office). */
    public record ConsentFile(Path path, String fileName, String contentType, long size) {
    }

    public ConsentFile consentFile(String id, User user) {
        Interview i = find(id);
        policy.check(user, Action.VIEW_RESTRICTED, resource(i));
        if (i.consent() == null) {
            throw ApiException.notFound("consent form of interview", id);
        }
        audit.record(Change.of(AuditActions.EXPORT, "interview", id).unit(i.unit()).with("op", "consent")
                .with("sha256", i.consent().sha256()));
        return new ConsentFile(store.documentFile("interview", id, i.consent().sha256(), i.consent().ext()),
                i.consent().fileName(), i.consent().contentType(), i.consent().size());
    }

    public InterviewView get(String id, User user) {
        Interview i = find(id);
        policy.check(user, Action.VIEW, resource(i));
        return view(i, user);
    }

    /** The interview a recording belongs to, as the asset page shows it. */
    public java.util.Optional<InterviewView> ofAsset(String asset, User user) {
        return shelf.interviewOf(asset).filter(i -> policy.allows(user, Action.VIEW, resource(i))).map(i -> view(i, user));
    }

    /** Interviews newest first, filtered by interviewee, interviewer, language, unit and restriction. */
    public List<InterviewView> list(String interviewee, String interviewer, String language, String unit,
            String restriction, int limit, User user) {
        return matching(interviewee, interviewer, language, unit, restriction, user).stream().limit(limit)
                .map(i -> view(i, user)).toList();
    }

    /** The interviews a user sees that match, newest first, without making their views (searches filter by them). */
    List<Interview> matching(String interviewee, String interviewer, String language, String unit, String restriction,
            User user) {
        LocalDate today = LocalDate.now(CatalogTime.ZONE);
        List<Interview> out = new ArrayList<>();
        List<Interview> all = new ArrayList<>(shelf.interviews());
        all.sort(Comparator.comparing(Interview::createdAt).reversed().thenComparing(Interview::id));
        for (Interview i : all) {
            if (i.deleted() || !policy.allows(user, Action.VIEW, resource(i))) {
                continue;
            }
            if (interviewee != null && !interviewee.isBlank() && !i.interviewees().contains(interviewee.strip())) {
                continue;
            }
            if (interviewer != null && !interviewer.isBlank() && i.interviewers().stream().noneMatch(n -> n.contains(interviewer.strip()))) {
                continue;
            }
            if (language != null && !language.isBlank() && !i.languages().contains(language.strip())) {
                continue;
            }
            if (unit != null && !unit.isBlank() && !unit.strip().equals(i.unit())) {
                continue;
            }
            if (restriction != null && !restriction.isBlank()) {
                boolean match = switch (restriction.strip()) {
                    case "none" -> !i.restriction().any();
                    case "embargoed" -> i.restriction().embargoed(today);
                    case "internal" -> !i.restriction().publicUse();
                    case "any" -> i.restriction().any();
                    default -> throw ApiException.invalid("interview.restrictionFilter", restriction);
                };
                if (!match) {
                    continue;
                }
            }
            out.add(i);
        }
        return out;
    }

    /** The names of an interview's interviewees, as the index has them (the id where an entry is gone). */
    List<String> intervieweeNames(Interview i) {
        Map<String, Entry> found = new java.util.HashMap<>();
        entries.findAll(i.interviewees()).forEach(e -> found.put(e.id(), e));
        return i.interviewees().stream().map(p -> found.containsKey(p) ? found.get(p).name() : p).toList();
    }

    // ------------------------------------------------------------ helpers other parts of the feature use

    Interview find(String id) {
        return shelf.interview(id).or(() -> repo.interview(id)).filter(i -> !i.deleted())
                .orElseThrow(() -> ApiException.notFound("interview", id));
    }

    static Resource resource(Interview i) {
        return new Resource(ResourceKind.INTERVIEW, i.unit(), i.deleted());
    }

    /** Whether the user may read what the interview's restriction holds back (true when nothing is held back today). */
    boolean mayRead(Interview i, User user) {
        return i == null || !i.restriction().embargoed(LocalDate.now(CatalogTime.ZONE))
                || policy.allows(user, Action.VIEW_RESTRICTED, resource(i));
    }

    /** Its transcripts are indexed with the interview's people and restriction: re-index them after a change. */
    private void touchTranscripts(Interview i) {
        for (String asset : i.assets()) {
            for (Transcript.Summary t : shelf.transcriptsOf(asset)) {
                changes.record(InterviewRepository.TRANSCRIPTS, t.id());
            }
        }
    }

    InterviewView view(Interview i, User user) {
        List<AssetRef> refs = new ArrayList<>();
        int transcripts = 0;
        for (Asset a : assets.findByIds(i.assets())) {
            refs.add(new AssetRef(a.id(), a.title() != null ? a.title() : a.original().fileName(), a.type().name(),
                    a.durationMicros().orElse(null)));
            transcripts += shelf.transcriptsOf(a.id()).size();
        }
        List<String> names = intervieweeNames(i);
        List<Person> people = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            people.add(new Person(i.interviewees().get(k), names.get(k)));
        }
        String chapterTitle = i.chapter() == null ? null : outline.find(i.chapter()).map(n -> n.title()).orElse(null);
        String projectName = i.project() == null ? null : entries.find(i.project()).map(Entry::name).orElse(null);
        LocalDate today = LocalDate.now(CatalogTime.ZONE);
        boolean canRead = mayRead(i, user);
        return new InterviewView(i.id(), i.title(), i.unit(), refs, people, i.interviewers(), i.date(), i.place(),
                i.placeId(), i.languages(), i.chapter(), chapterTitle, i.project(), projectName, i.summary(),
                i.restriction(), i.restriction().embargoed(today), i.restriction().publishable(today),
                i.consent() == null ? null : new ConsentView(i.consent().fileName(), i.consent().contentType(),
                        i.consent().size(), i.consent().by(), i.consent().at()),
                i.version(), i.createdAt(), i.updatedAt(), policy.allows(user, Action.EDIT, resource(i)), canRead,
                transcripts);
    }

    private List<Asset> recordings(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        List<Asset> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Asset a = assets.findById(new ObjectId(id)).filter(x -> !x.deleted())
                    .orElseThrow(() -> ApiException.invalid("interview.noAsset", id));
            if (a.type() == AssetType.PHOTO) {
                throw ApiException.invalid("interview.photo", id);
            }
            out.add(a);
        }
        return out;
    }

    private List<String> people(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Entry e = entries.find(id).orElseThrow(() -> ApiException.invalid("interview.noPerson", id));
            if (e.kind() != EntryKind.PERSON) {
                throw ApiException.invalid("interview.noPerson", id);
            }
            out.add(id);
        }
        return out;
    }

    private String ref(String id, EntryKind kind) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Entry e = entries.find(id).filter(x -> x.kind() == kind)
                .orElseThrow(() -> ApiException.invalid("interview.noEntry", kind.wire(), id));
        return e.id();
    }

    private String chapter(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return outline.find(id).map(n -> n.id()).orElseThrow(() -> ApiException.invalid("interview.noChapter", id));
    }

    private static List<String> names(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static List<String> languages(List<String> l) {
        return l == null ? List.of() : l.stream().map(s -> s.strip()).distinct().toList();
    }

    private static String date(String d) {
        if (d == null || d.isBlank()) {
            return null;
        }
        String s = d.strip();
        if (!DATE.matcher(s).matches()) {
            throw ApiException.invalid("interview.date", s);
        }
        try {
            if (s.length() == 10) {
                LocalDate.parse(s);
            } else if (s.length() == 7) {
                java.time.YearMonth.parse(s);
            }
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("interview.date", s);
        }
        return s;
    }

    private static Interview.Restriction restriction(RestrictionInput in, Interview.Restriction was) {
        if (in == null) {
            return was;
        }
        LocalDate until = was.embargoUntil();
        if (in.embargoUntil() != null) {
            try {
                until = in.embargoUntil().isBlank() ? null : LocalDate.parse(in.embargoUntil());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("interview.date", in.embargoUntil());
            }
        }
        return new Interview.Restriction(until, in.publicUse() == null ? was.publicUse() : in.publicUse(),
                in.note() == null ? was.note() : blank(in.note()));
    }

    static String restrictionText(Interview.Restriction r) {
        if (!r.any()) {
            return "none";
        }
        return (r.embargoUntil() == null ? "" : "until " + r.embargoUntil() + " ") + (r.publicUse() ? "" : "internal");
    }

    private static Change diff(Change c, String field, Object was, Object now) {
        return java.util.Objects.equals(was, now) ? c : c.field(field, was, now);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String consentExt(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (ext.equals("jpeg")) {
            ext = "jpg";
        }
        if (ext.isEmpty() && contentType != null) {
            ext = switch (contentType.toLowerCase(Locale.ROOT)) {
                case "application/pdf" -> "pdf";
                case "image/jpeg" -> "jpg";
                case "image/png" -> "png";
                default -> "";
            };
        }
        if (!List.of("pdf", "jpg", "png", "tif", "tiff").contains(ext)) {
            throw ApiException.invalid("interview.consentType", ext.isEmpty() ? "?" : ext);
        }
        return ext.equals("tiff") ? "tif" : ext;
    }

    /** The bytes are what the name says (a PDF starts %PDF, a JPEG FF D8, a PNG 89 PNG, a TIFF II* or MM*). */
    private static boolean looksLike(String ext, byte[] h) {
        return switch (ext) {
            case "pdf" -> h.length >= 4 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F';
            case "jpg" -> h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8;
            case "png" -> h.length >= 4 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
            case "tif" -> h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42) || (h[0] == 'M' && h[1] == 'M' && h[3] == 42));
            default -> false;
        };
    }

    private static String mime(String ext) {
        return switch (ext) {
            case "pdf" -> "application/pdf";
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            default -> "image/tiff";
        };
    }
}
