package org.yingzhi.shared.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.yingzhi.shared.io.Sha256;

/**
 * The audit log: one append-only chain of records, one per successful write, each holding the hash of the one
 * before. A write goes through {@link #write}: its intent is journaled first, then the write runs, then the record
 * is appended and the journal entry removed. A refused write (its code throws) leaves no record. A crash between
 * the steps leaves a journal entry, never a write without its record: the sweep ({@link AuditSweep}) appends the
 * record if the write's probe finds it in the catalog ({@code recovered}), or as {@code uncertain} when there is no
 * probe, and drops the entry when the write did not happen. Actions that change nothing stored (an export, a
 * download of an original) are appended at once with {@link #record}.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final String GENESIS = "0".repeat(64);

    private final AuditRepository repo;
    private long headSeq = -1;
    private String headHash;

    AuditLog(AuditRepository repo) {
        this.repo = repo;
    }

    /** Runs a write and records it; the record is appended only if the write returns. */
    public <T> T write(Change change, Probe probe, Supplier<T> write) {
        return write(change, probe, write, (c, r) -> c);
    }

    /** A write that returns nothing. */
    public void write(Change change, Probe probe, Runnable write) {
        write(change, probe, () -> {
            write.run();
            return null;
        });
    }

    /**
     * Runs a write and records it, completing the change from the write's result (e.g. the id an insert made).
     * If the write throws, the record is appended only when the probe finds the write in the catalog anyway.
     */
    public <T> T write(Change change, Probe probe, Supplier<T> write, BiFunction<Change, T, Change> complete) {
        return write(newOp(), change, probe, write, complete);
    }

    /** A new operation id, for a write that stamps it on what it writes (so that its probe is exact). */
    public static String newOp() {
        return new ObjectId().toHexString();
    }

    /**
     * The same with the operation id chosen by the caller, who writes it into the document: the probe then finds
     * this write, not a concurrent one that reached the same version.
     */
    public <T> T write(String op, Change change, Probe probe, Supplier<T> write, BiFunction<Change, T, Change> complete) {
        Document entry = intent(op, change, probe);
        repo.journal(entry);
        T result;
        try {
            result = write.get();
        } catch (RuntimeException | Error e) {
            if (probe != null && happened(probe)) {
                append(op, entry, change, "ok");
            }
            repo.unjournal(op);
            throw e;
        }
        Change done = complete.apply(change, result);
        try {
            append(op, entry, done, "ok");
            repo.unjournal(op);
        } catch (RuntimeException e) {
            // the write is in: its journal entry stays for the sweep to append the record
            log.error("audit record for {} not appended yet ({}); the sweep will append it", change.action(), e.toString());
        }
        return result;
    }

    /**
     * Runs several writes as one (a folder import's batch) and records each: the intents are journaled with one
     * insert, the write runs, and the records are appended to the chain in the order given with one insert. The
     * write gives one result per change, null where that item was not written (it lost a race): no record for it.
     * If the write throws, each change whose probe finds it in the catalog is recorded anyway, as with one write.
     */
    public <T> List<T> writeAll(List<Change> changes, List<Probe> probes, Supplier<List<T>> write,
            BiFunction<Change, T, Change> complete) {
        int n = changes.size();
        List<String> ops = new ArrayList<>(n);
        List<Document> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String op = newOp();
            ops.add(op);
            entries.add(intent(op, changes.get(i), probes.get(i)));
        }
        repo.journalAll(entries);
        List<T> results;
        try {
            results = write.get();
        } catch (RuntimeException | Error e) {
            List<Integer> happened = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (probes.get(i) != null && happened(probes.get(i))) {
                    happened.add(i);
                }
            }
            appendAll(happened, ops, entries, changes);
            repo.unjournalAll(ops);
            throw e;
        }
        List<Integer> written = new ArrayList<>();
        List<Change> done = new ArrayList<>(changes);
        for (int i = 0; i < n; i++) {
            if (results.get(i) != null) {
                written.add(i);
                done.set(i, complete.apply(changes.get(i), results.get(i)));
            }
        }
        try {
            appendAll(written, ops, entries, done);
            repo.unjournalAll(ops);
        } catch (RuntimeException e) {
            // the writes are in: their journal entries stay for the sweep to append the records
            log.error("audit records for {} writes not appended yet ({}); the sweep will append them", written.size(), e.toString());
        }
        return results;
    }

    /** Appends the records of the chosen journaled writes, in order, with as few inserts as the chain allows. */
    private void appendAll(List<Integer> chosen, List<String> ops, List<Document> entries, List<Change> changes) {
        List<Document> bodies = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            bodies.add(body(ops.get(i), entries.get(i), changes.get(i), "ok"));
        }
        appendBodies(bodies);
    }

    /**
     * Chains records onto the head in the order given, with one ordered insert: where another process appended
     * first (a seq taken), the rest is chained again from the new head; a record whose op is on record already (a
     * sweep or a retry found it) is skipped.
     */
    private synchronized void appendBodies(List<Document> bodies) {
        int from = 0;
        for (int attempt = 0; from < bodies.size(); attempt++) {
            if (attempt == 50) {
                throw new IllegalStateException("could not append to the audit chain");
            }
            knowHead();
            List<Document> recs = new ArrayList<>(bodies.size() - from);
            long seq = headSeq;
            String prev = headHash;
            for (Document b : bodies.subList(from, bodies.size())) {
                Document rec = new Document(b).append("seq", ++seq).append("prev", prev);
                prev = hash(rec);
                rec.append("hash", prev);
                recs.add(rec);
            }
            int in;
            try {
                in = repo.insertChain(recs);
            } catch (RuntimeException e) {
                headSeq = -1; // unknown how many went in: read the head again next time
                throw e;
            }
            if (in > 0) {
                headSeq = recs.get(in - 1).get("seq", Number.class).longValue();
                headHash = recs.get(in - 1).getString("hash");
            }
            AuditContext ctx = AuditContext.current();
            if (ctx != null) {
                ctx.appended += in;
            }
            from += in;
            if (from < bodies.size()) {
                headSeq = -1; // another process appended: read the head again
                if (repo.recorded(bodies.get(from).getString("op"))) {
                    from++; // a sweep recorded this one meanwhile
                }
            }
        }
    }

    /** Makes sure this process knows the chain's head (re-read after a restore or another process's append). */
    private void knowHead() {
        if (headSeq > 0 && !headHash.equals(repo.hashAt(headSeq))) {
            headSeq = -1; // the head this process knew is not the catalog's (a restore, or records removed)
        }
        if (headSeq < 0) {
            Document h = repo.head();
            headSeq = h == null ? 0 : h.get("seq", Number.class).longValue();
            headHash = h == null ? GENESIS : h.getString("hash");
        }
    }

    /**
     * Says that the current request changed nothing (a duplicate upload, deleting what is deleted): its success is
     * not a write, and the request filter records nothing for it.
     */
    public static void unchanged() {
        AuditContext ctx = AuditContext.current();
        if (ctx != null) {
            ctx.unchanged = true;
        }
    }

    /**
     * Records an action that changes nothing stored (an export, a download): appended at once. When the catalog
     * refuses writes (a full disk) the read still goes on: the record waits in memory (and in the log) and the
     * sweep appends it once the catalog takes writes again.
     */
    public void record(Change change) {
        String op = new ObjectId().toHexString();
        Document entry = intent(op, change);
        try {
            append(op, entry, change, "ok");
        } catch (RuntimeException e) {
            log.warn("audit record for {} {} by {} waits: the catalog refused it ({})", change.action(), change.targetId(),
                    entry.get("actor", Document.class).getString("name"), e.toString());
            if (waiting.size() < 10_000) {
                waiting.add(new Object[] {op, entry, change});
            }
        }
    }

    /** Records of reads the catalog could not take when they happened, appended by the sweep. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Object[]> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Appends the records that waited; how many went in. */
    int appendWaiting() {
        int n = 0;
        for (Object[] w; (w = waiting.peek()) != null; ) {
            append((String) w[0], (Document) w[1], (Change) w[2], "ok");
            waiting.poll();
            n++;
        }
        return n;
    }

    /** A journal entry with the probe that tells the sweep whether the write happened (none: uncertain). */
    private Document intent(String op, Change change, Probe probe) {
        Document entry = intent(op, change);
        if (probe != null) {
            entry.append("probe", new Document("collection", probe.collection()).append("filter", probe.filter())
                    .append("present", probe.present()));
        }
        return entry;
    }

    /** A journal entry: who, from where, in which request, and the change. */
    private Document intent(String op, Change change) {
        AuditContext ctx = AuditContext.current();
        Document d = new Document("_id", op).append("at", new Date()).append("actor", actor());
        if (ctx != null) {
            d.append("session", ctx.session).append("client", ctx.client).append("request", ctx.request);
        }
        d.append("change", changeDoc(change));
        return d;
    }

    private static Document changeDoc(Change c) {
        return new Document("action", c.action()).append("targetKind", c.targetKind()).append("targetId", c.targetId())
                .append("unit", c.unit()).append("before", plain(c.before())).append("after", plain(c.after()))
                .append("reason", c.reason());
    }

    static Change change(Document d) {
        return new Change(d.getString("action"), d.getString("targetKind"), d.getString("targetId"), d.getString("unit"),
                d.get("before", Document.class), d.get("after", Document.class), d.getString("reason"));
    }

    boolean happened(Probe p) {
        return repo.matches(p.collection(), p.filter()) == p.present();
    }

    /** The signed-in principal, or the system (start-up, jobs). */
    private static Document actor() {
        return actor("system", "SYSTEM");
    }

    /** The signed-in principal, or {@code nobody} with {@code role} when no one is signed in. */
    static Document actor(String nobody, String role) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof AuditActor u) {
            return new Document("name", u.name()).append("role", u.roleName()).append("unit", u.unit());
        }
        return new Document("name", nobody).append("role", role).append("unit", null);
    }

    /** Appends the record of a journaled write (also used by the sweep, with the entry's own actor and time). */
    synchronized void append(String op, Document entry, Change change, String outcome) {
        appendBodies(List.of(body(op, entry, change, outcome)));
    }

    private static Document body(String op, Document entry, Change change, String outcome) {
        return new Document("at", new Date()).append("actor", entry.get("actor"))
                .append("session", entry.getString("session")).append("client", entry.getString("client"))
                .append("action", change.action())
                .append("target", new Document("kind", change.targetKind()).append("id", change.targetId()))
                .append("unit", change.unit()).append("before", plain(change.before()))
                .append("after", plain(change.after())).append("reason", change.reason())
                .append("request", entry.getString("request")).append("outcome", outcome).append("op", op);
    }

    /** The hash of a record: SHA-256 of its canonical text without {@code _id} and {@code hash} (prev included). */
    static String hash(Document rec) {
        Map<String, Object> m = new LinkedHashMap<>(rec);
        m.remove("_id");
        m.remove("hash");
        return Sha256.of(Canonical.of(m));
    }

    /** Values as the store keeps them: strings, numbers, booleans, lists and maps; anything else as its text. */
    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Date) {
            return v;
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Document d = new Document();
            m.forEach((k, x) -> d.put(String.valueOf(k), plain(x)));
            return d;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> l = new ArrayList<>();
            it.forEach(x -> l.add(plain(x)));
            return l;
        }
        return v.toString();
    }

    /** The chain's head: what backups and reports state, so that tampering shows outside the machine. */
    public record Head(long seq, String hash) {
    }

    public synchronized Head head() {
        Document h = repo.head();
        return h == null ? new Head(0, GENESIS) : new Head(h.get("seq", Number.class).longValue(), h.getString("hash"));
    }

    /**
     * The result of walking the chain: how many records, the head, and the first record that is not as written
     * (altered, missing, or not following the one before), if any.
     */
    public record Verification(boolean ok, long records, long headSeq, String headHash, Long brokenAt, String problem,
            long pending) {
    }

    /** Walks the whole chain from the first record: recomputes every hash and checks every link and number. */
    public Verification verify() {
        long[] expected = {1};
        String[] prev = {GENESIS};
        long[] count = {0};
        Long[] broken = {null};
        String[] problem = {null};
        repo.walk(d -> {
            if (broken[0] != null) {
                return;
            }
            count[0]++;
            long seq = d.get("seq", Number.class).longValue();
            if (seq != expected[0]) {
                broken[0] = expected[0];
                problem[0] = "record " + expected[0] + " is missing (the chain goes from " + (expected[0] - 1) + " to "
                        + seq + ")";
                return;
            }
            if (!prev[0].equals(d.getString("prev"))) {
                broken[0] = seq;
                problem[0] = "record " + seq + " does not follow record " + (seq - 1) + " (its prev hash differs)";
                return;
            }
            if (!hash(d).equals(d.getString("hash"))) {
                broken[0] = seq;
                problem[0] = "record " + seq + " was altered (its content does not match its hash)";
                return;
            }
            prev[0] = d.getString("hash");
            expected[0] = seq + 1;
        });
        return new Verification(broken[0] == null, count[0], expected[0] - 1, prev[0], broken[0], problem[0],
                repo.journaled());
    }

    /** Whether record {@code seq} still has the hash a backup or a report stated. */
    public boolean holds(long seq, String hash) {
        List<Document> found = repo.find(new Document("seq", seq), 0, 1);
        return !found.isEmpty() && hash.equals(found.get(0).getString("hash")) && hash(found.get(0)).equals(hash);
    }

    /** Which records to read: per target (an asset's id), per user, per unit, per day; newest first. */
    public record Query(String target, String user, String unit, java.time.LocalDate day, long before, int limit) {
    }

    public List<AuditRecord> find(Query q) {
        return repo.find(filter(q), q.before(), Math.max(1, Math.min(q.limit(), 1000))).stream().map(AuditLog::map)
                .toList();
    }

    private static org.bson.conversions.Bson filter(Query q) {
        List<org.bson.conversions.Bson> f = new ArrayList<>();
        if (q.target() != null && !q.target().isBlank()) {
            f.add(com.mongodb.client.model.Filters.eq("target.id", q.target().strip()));
        }
        if (q.user() != null && !q.user().isBlank()) {
            f.add(com.mongodb.client.model.Filters.eq("actor.name", q.user().strip()));
        }
        if (q.unit() != null && !q.unit().isBlank()) {
            f.add(com.mongodb.client.model.Filters.or(com.mongodb.client.model.Filters.eq("unit", q.unit().strip()),
                    com.mongodb.client.model.Filters.eq("actor.unit", q.unit().strip())));
        }
        if (q.day() != null) {
            java.time.ZoneId zone = org.yingzhi.shared.time.CatalogTime.ZONE;
            f.add(AuditRepository.since(Date.from(q.day().atStartOfDay(zone).toInstant()),
                    Date.from(q.day().plusDays(1).atStartOfDay(zone).toInstant())));
        }
        return f.isEmpty() ? new Document() : com.mongodb.client.model.Filters.and(f);
    }

    /** The raw stored form of a record, exactly as hashed (for an export that can be verified elsewhere). */
    public void forEachStored(Query q, java.util.function.Consumer<Document> each) {
        repo.forEachMatching(filter(q), d -> {
            d.remove("_id");
            each.accept(d);
        });
    }

    static AuditRecord map(Document d) {
        Document a = d.get("actor", Document.class);
        Document t = d.get("target", Document.class);
        return new AuditRecord(d.get("seq", Number.class).longValue(), d.getDate("at").toInstant(),
                a == null ? null : a.getString("name"), a == null ? null : a.getString("role"),
                a == null ? null : a.getString("unit"), d.getString("session"), d.getString("client"),
                d.getString("action"), t == null ? null : t.getString("kind"), t == null ? null : t.getString("id"),
                d.getString("unit"), d.get("before", Document.class), d.get("after", Document.class),
                d.getString("reason"), d.getString("request"), d.getString("outcome"), d.getString("prev"),
                d.getString("hash"));
    }

    // for the sweep
    AuditRepository repo() {
        return repo;
    }
}
