package org.yingzhi.interview;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.shared.mongo.IdPages;

/**
 * Owns {@code interviews}, {@code transcripts} (one document per transcript, cues inside: an hour is about 700
 * cues, 100 KB) and {@code segments} (one per index segment). Every write is one document and is recorded in the
 * change log, which keeps the shelf and the passage index of every API process in step.
 */
@Repository
class InterviewRepository {

    static final String INTERVIEWS = "interviews";
    static final String TRANSCRIPTS = "transcripts";
    static final String SEGMENTS = "segments";

    private final MongoCollection<Document> interviews;
    private final MongoCollection<Document> transcripts;
    private final MongoCollection<Document> segments;
    private final ChangeLog changes;

    InterviewRepository(MongoDatabase db, ChangeLog changes) {
        this.interviews = db.getCollection(INTERVIEWS);
        this.transcripts = db.getCollection(TRANSCRIPTS);
        this.segments = db.getCollection(SEGMENTS);
        this.changes = changes;
        // what a real MongoDB needs (the embedded server scans; the shelf answers lists from memory)
        transcripts.createIndex(Indexes.ascending("asset"), new IndexOptions().name("asset"));
        segments.createIndex(Indexes.ascending("asset"), new IndexOptions().name("asset"));
        interviews.createIndex(Indexes.ascending("assets"), new IndexOptions().name("assets"));
    }

    MongoCollection<Document> interviews() {
        return interviews;
    }

    MongoCollection<Document> transcripts() {
        return transcripts;
    }

    MongoCollection<Document> segments() {
        return segments;
    }

    // ------------------------------------------------------------ interviews

    Optional<Interview> interview(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(interviews.find(Filters.eq("_id", new ObjectId(id))).first()).map(InterviewRepository::interview);
    }

    /** Writes the interview as given (insert, or replace the version before it); false when someone wrote first. */
    boolean saveInterview(Document d, long expectedVersion) {
        ObjectId id = d.getObjectId("_id");
        boolean ok;
        if (expectedVersion == 0) {
            interviews.insertOne(d);
            ok = true;
        } else {
            ok = interviews.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)), d,
                    new ReplaceOptions()).getModifiedCount() == 1;
        }
        if (ok) {
            changes.record(INTERVIEWS, id.toHexString());
        }
        return ok;
    }

    void forEachInterview(Consumer<Interview> each) {
        IdPages.forEach(interviews, null, 1000, d -> each.accept(interview(d)));
    }

    static Interview interview(Document d) {
        Document r = d.get("restriction", Document.class);
        Interview.Restriction restriction = r == null ? Interview.Restriction.NONE
                : new Interview.Restriction(r.getString("embargoUntil") == null ? null : LocalDate.parse(r.getString("embargoUntil")),
                        r.getBoolean("publicUse", true), r.getString("note"));
        Document c = d.get("consent", Document.class);
        Interview.Consent consent = c == null ? null : new Interview.Consent(c.getString("sha256"), c.getString("ext"),
                c.getString("fileName"), c.getString("contentType"), c.get("size", Number.class).longValue(),
                c.getString("by"), instant(c.getDate("at")));
        return new Interview(d.getObjectId("_id").toHexString(), d.getString("title"), d.getString("unit"),
                ids(d.getList("assets", ObjectId.class)), d.getList("interviewees", String.class),
                d.getList("interviewers", String.class), d.getString("date"), d.getString("place"), d.getString("placeId"),
                d.getList("languages", String.class), d.getString("chapter"), d.getString("project"),
                d.getString("summary"), restriction, consent, d.getString("createdBy"), instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")), d.get("version", Number.class).longValue(), d.getBoolean("deleted", false));
    }

    static Document document(Interview i) {
        Document d = new Document("_id", new ObjectId(i.id())).append("title", i.title()).append("unit", i.unit())
                .append("assets", i.assets().stream().map(ObjectId::new).toList())
                .append("interviewees", i.interviewees()).append("interviewers", i.interviewers())
                .append("date", i.date()).append("place", i.place()).append("placeId", i.placeId())
                .append("languages", i.languages()).append("chapter", i.chapter()).append("project", i.project())
                .append("summary", i.summary());
        Interview.Restriction r = i.restriction();
        d.append("restriction", new Document("embargoUntil", r.embargoUntil() == null ? null : r.embargoUntil().toString())
                .append("publicUse", r.publicUse()).append("note", r.note()));
        if (i.consent() != null) {
            Interview.Consent c = i.consent();
            d.append("consent", new Document("sha256", c.sha256()).append("ext", c.ext()).append("fileName", c.fileName())
                    .append("contentType", c.contentType()).append("size", c.size()).append("by", c.by())
                    .append("at", Date.from(c.at())));
        }
        return d.append("createdBy", i.createdBy()).append("createdAt", Date.from(i.createdAt()))
                .append("updatedAt", Date.from(i.updatedAt())).append("version", i.version()).append("deleted", i.deleted());
    }

    // ------------------------------------------------------------ transcripts

    Optional<Transcript> transcript(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(transcripts.find(Filters.eq("_id", new ObjectId(id))).first()).map(InterviewRepository::transcript);
    }

    boolean saveTranscript(Transcript t, long expectedVersion) {
        Document d = document(t);
        boolean ok;
        if (expectedVersion == 0) {
            transcripts.insertOne(d);
            ok = true;
        } else {
            ok = transcripts.replaceOne(Filters.and(Filters.eq("_id", new ObjectId(t.id())), Filters.eq("version", expectedVersion)),
                    d).getModifiedCount() == 1;
        }
        if (ok) {
            changes.record(TRANSCRIPTS, t.id());
        }
        return ok;
    }

    /** Every transcript without its cues (for the shelf). */
    void forEachTranscriptSummary(Consumer<Transcript.Summary> each) {
        IdPages.forEach(transcripts, new Document("cues", 0), 1000, d -> each.accept(transcript(d).summary()
                .withCues(d.get("cueCount", Number.class) == null ? 0 : d.get("cueCount", Number.class).intValue())));
    }

    Optional<Transcript.Summary> transcriptSummary(String id) {
        Document d = transcripts.find(Filters.eq("_id", new ObjectId(id))).projection(new Document("cues", 0)).first();
        return Optional.ofNullable(d).map(x -> transcript(x).summary()
                .withCues(x.get("cueCount", Number.class) == null ? 0 : x.get("cueCount", Number.class).intValue()));
    }

    /** Every transcript whole, one at a time (for the passage index's rebuild). */
    void forEachTranscript(Consumer<Transcript> each) {
        IdPages.forEach(transcripts, null, 20, d -> each.accept(transcript(d)));
    }

    static Transcript transcript(Document d) {
        List<Cue> cues = new ArrayList<>();
        List<Document> cs = d.getList("cues", Document.class);
        if (cs != null) {
            for (Document c : cs) {
                cues.add(new Cue(c.get("s", Number.class).longValue(), c.get("e", Number.class).longValue(),
                        c.getString("sp"), c.getString("t")));
            }
        }
        List<ParsedTranscript.Warning> warnings = new ArrayList<>();
        List<Document> ws = d.getList("warnings", Document.class);
        if (ws != null) {
            for (Document w : ws) {
                warnings.add(new ParsedTranscript.Warning(w.getString("code"), w.getList("args", String.class)));
            }
        }
        ObjectId interview = d.getObjectId("interview");
        return new Transcript(d.getObjectId("_id").toHexString(), d.getObjectId("asset").toHexString(),
                interview == null ? null : interview.toHexString(), d.getString("language"),
                Transcript.Kind.valueOf(d.getString("kind")), d.getString("label"), d.getString("engine"),
                d.getString("model"), d.getBoolean("shown", false), d.getString("format"), d.getString("fileName"),
                d.getString("charset"), d.get("legacyInterval", Number.class) == null ? 0 : d.get("legacyInterval", Number.class).intValue(),
                cues, warnings, d.getString("createdBy"), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")),
                d.get("version", Number.class).longValue(), d.getBoolean("deleted", false));
    }

    static Document document(Transcript t) {
        List<Document> cues = new ArrayList<>(t.cues().size());
        for (Cue c : t.cues()) {
            Document x = new Document("s", c.startMillis()).append("e", c.endMillis()).append("t", c.text());
            if (c.speaker() != null) {
                x.append("sp", c.speaker());
            }
            cues.add(x);
        }
        List<Document> warnings = t.warnings().stream()
                .map(w -> new Document("code", w.code()).append("args", w.args())).toList();
        return new Document("_id", new ObjectId(t.id())).append("asset", new ObjectId(t.asset()))
                .append("interview", t.interview() == null ? null : new ObjectId(t.interview()))
                .append("language", t.language()).append("kind", t.kind().name()).append("label", t.label())
                .append("engine", t.engine()).append("model", t.model()).append("shown", t.shown())
                .append("format", t.format()).append("fileName", t.fileName()).append("charset", t.charset())
                .append("legacyInterval", t.legacyInterval()).append("cueCount", t.cues().size()).append("cues", cues)
                .append("warnings", warnings).append("createdBy", t.createdBy())
                .append("createdAt", Date.from(t.createdAt())).append("updatedAt", Date.from(t.updatedAt()))
                .append("version", t.version()).append("deleted", t.deleted());
    }

    // ------------------------------------------------------------ segments

    Optional<Segment> segment(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(segments.find(Filters.eq("_id", new ObjectId(id))).first()).map(InterviewRepository::segment);
    }

    void saveSegment(Segment s) {
        segments.replaceOne(Filters.eq("_id", new ObjectId(s.id())), document(s), new ReplaceOptions().upsert(true));
        changes.record(SEGMENTS, s.id());
    }

    boolean deleteSegment(String id) {
        boolean gone = segments.deleteOne(Filters.eq("_id", new ObjectId(id))).getDeletedCount() == 1;
        changes.record(SEGMENTS, id);
        return gone;
    }

    void forEachSegment(Consumer<Segment> each) {
        IdPages.forEach(segments, null, 1000, d -> each.accept(segment(d)));
    }

    static Segment segment(Document d) {
        List<IndexPoint.Gps> gps = new ArrayList<>();
        for (Document g : d.getList("gps", Document.class, List.of())) {
            gps.add(new IndexPoint.Gps(g.get("lat", Number.class).doubleValue(), g.get("lon", Number.class).doubleValue(),
                    g.getInteger("zoom"), g.getString("text")));
        }
        List<IndexPoint.Hyperlink> links = new ArrayList<>();
        for (Document h : d.getList("hyperlinks", Document.class, List.of())) {
            links.add(new IndexPoint.Hyperlink(h.getString("url"), h.getString("text")));
        }
        List<Segment.Target> targets = new ArrayList<>();
        for (Document t : d.getList("targets", Document.class, List.of())) {
            targets.add(new Segment.Target(t.getString("kind"), t.getString("id"), t.getString("name"), t.getString("link")));
        }
        ObjectId interview = d.getObjectId("interview");
        return new Segment(d.getObjectId("_id").toHexString(), d.getObjectId("asset").toHexString(),
                interview == null ? null : interview.toHexString(), d.get("s", Number.class).longValue(),
                d.get("e", Number.class).longValue(), d.getString("title"), d.getString("synopsis"),
                d.getString("partial"), d.getList("keywords", String.class), d.getList("subjects", String.class), gps, links,
                targets, d.getString("source"), d.getString("createdBy"), instant(d.getDate("createdAt")));
    }

    static Document document(Segment s) {
        return new Document("_id", new ObjectId(s.id())).append("asset", new ObjectId(s.asset()))
                .append("interview", s.interview() == null ? null : new ObjectId(s.interview()))
                .append("s", s.startMillis()).append("e", s.endMillis()).append("title", s.title())
                .append("synopsis", s.synopsis()).append("partial", s.partialTranscript()).append("keywords", s.keywords())
                .append("subjects", s.subjects())
                .append("gps", s.gps().stream().map(g -> new Document("lat", g.latitude()).append("lon", g.longitude())
                        .append("zoom", g.zoom()).append("text", g.text())).toList())
                .append("hyperlinks", s.hyperlinks().stream().map(h -> new Document("url", h.url()).append("text", h.text())).toList())
                .append("targets", s.targets().stream().map(t -> new Document("kind", t.kind()).append("id", t.id())
                        .append("name", t.name()).append("link", t.link())).toList())
                .append("source", s.source()).append("createdBy", s.createdBy()).append("createdAt", Date.from(s.createdAt()));
    }

    private static List<String> ids(List<ObjectId> ids) {
        return ids == null ? List.of() : ids.stream().map(ObjectId::toHexString).toList();
    }

    private static Instant instant(Date d) {
        return d == null ? Instant.EPOCH : d.toInstant();
    }
}
