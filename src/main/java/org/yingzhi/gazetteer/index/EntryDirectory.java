package org.yingzhi.gazetteer.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.yingzhi.gazetteer.link.LinkGraph;

/**
 * The index's people, projects, places and units held in memory with their search keys: name searches (Chinese
 * text anywhere in a name, pinyin initials or full pinyin from the start, words of a biography or note) answer in
 * about a millisecond at tens of thousands of entries, where the embedded catalog would scan every entry with a
 * regular expression. Derived and rebuildable like the link graph, and fed by the same follower of the change log
 * ({@link LinkGraph} builds it and applies the entries' change records), so every process converges.
 */
@Component
public class EntryDirectory {

    /** What a search matched, best first. */
    enum Match {
        NAME, NAME_START, NAME_PART, OTHER_NAME, PINYIN, TEXT
    }

    private record Held(Entry entry, String name, List<String> others, List<String> pinyin, String text) {
    }

    private final EntryRepository repo;
    private final Map<String, Held> byId = new ConcurrentHashMap<>();
    private volatile boolean ready;

    EntryDirectory(EntryRepository repo) {
        this.repo = repo;
    }

    public boolean ready() {
        return ready;
    }

    public synchronized void build() {
        Map<String, Held> fresh = new java.util.HashMap<>();
        repo.forEach((e, keys) -> fresh.put(e.id(), held(e, keys)));
        byId.clear();
        byId.putAll(fresh);
        ready = true;
    }

    /** Re-reads one entry: added, changed or gone (merged away). */
    public void apply(String id) {
        repo.findWithKeys(id).ifPresentOrElse(x -> byId.put(id, held(x.getKey(), x.getValue())), () -> byId.remove(id));
    }

    private static Held held(Entry e, List<String> pinyin) {
        StringBuilder text = new StringBuilder();
        for (String s : new String[] {e.biography(), e.notes(), e.unit(), e.fundingUnit(), e.ethnicity(),
                e.projectStatus(), e.placeKind()}) {
            if (s != null) {
                text.append(s).append('\n');
            }
        }
        e.roles().forEach(r -> text.append(r).append('\n'));
        return new Held(e, fold(e.name()), e.otherNames().stream().map(EntryDirectory::fold).toList(), pinyin,
                fold(text.toString()));
    }

    private static String fold(String s) {
        return s == null ? "" : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A page of matches with the total and how many of each kind matched. */
    public record Found(List<Entry> items, long total, Map<EntryKind, Long> byKind) {
    }

    /**
     * Entries of a kind (or of every kind when {@code kind} is null) matching {@code q}: exact names first, then
     * names that start with it, hold it, other names, pinyin (a Latin query: initials or full pinyin from the
     * start), and words of the biography, notes, unit or roles; by name within each. No query: all, by name.
     */
    public Found search(EntryKind kind, String q, int offset, int limit) {
        String s = q == null ? "" : fold(q.strip());
        boolean pinyin = !s.isEmpty() && Pinyin.isPinyinQuery(s);
        record Hit(Entry entry, Match match) {
        }
        List<Hit> hits = new ArrayList<>();
        Map<EntryKind, Long> byKind = new EnumMap<>(EntryKind.class);
        for (Held h : byId.values()) {
            Match m = s.isEmpty() ? Match.NAME : match(h, s, pinyin);
            if (m == null) {
                continue;
            }
            byKind.merge(h.entry().kind(), 1L, Long::sum);
            if (kind == null || h.entry().kind() == kind) {
                hits.add(new Hit(h.entry(), m));
            }
        }
        hits.sort(Comparator.comparing(Hit::match).thenComparing(h -> h.entry().name()).thenComparing(h -> h.entry().id()));
        List<Entry> page = hits.stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).map(Hit::entry).toList();
        return new Found(page, hits.size(), byKind);
    }

    private static Match match(Held h, String s, boolean pinyin) {
        if (h.name().equals(s)) {
            return Match.NAME;
        }
        if (h.name().startsWith(s)) {
            return Match.NAME_START;
        }
        if (h.name().contains(s)) {
            return Match.NAME_PART;
        }
        for (String o : h.others()) {
            if (o.contains(s)) {
                return Match.OTHER_NAME;
            }
        }
        if (pinyin) {
            for (String k : h.pinyin()) {
                if (k.startsWith(s)) {
                    return Match.PINYIN;
                }
            }
        }
        return s.length() >= 2 && h.text().contains(s) ? Match.TEXT : null;
    }

    /** One entry by id, as last read. */
    public java.util.Optional<Entry> get(String id) {
        Held h = id == null ? null : byId.get(id);
        return h == null ? java.util.Optional.empty() : java.util.Optional.of(h.entry());
    }

    /** Every entry of a kind (places for the nearest-place search). */
    public List<Entry> all(EntryKind kind) {
        List<Entry> out = new ArrayList<>();
        for (Held h : byId.values()) {
            if (h.entry().kind() == kind) {
                out.add(h.entry());
            }
        }
        return out;
    }

    public int size() {
        return byId.size();
    }
}
