package org.yingzhi.gazetteer.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetEditService;
import org.yingzhi.asset.AssetQueryService;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.springframework.beans.factory.ObjectProvider;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.UnitNames;
import org.yingzhi.security.User;

/**
 * The list of units (index entries of kind unit: a name and other names) as the one vocabulary of unit strings.
 * Strings are matched after Unicode compatibility folding (full-width letters and digits, spaces), case-blind.
 * <p>
 * Where the catalog holds a string that is another name of a listed unit (an asset's contributor unit, an outline
 * node's responsible unit, a person's unit, a project's funding unit), {@link #remap} rewrites it to the unit's
 * name: at start-up, whenever the list changes, and on demand. Strings that name no listed unit stay as they are
 * and are reported ({@link #report}), so the office can add them as units or as other names of one.
 */
@Component
public class Units implements UnitNames {

    private static final Logger log = LoggerFactory.getLogger(Units.class);
    /** How long another process's change to the list may go unseen here. */
    private static final long TTL_MILLIS = 10_000;
    static final String BY = "单位目录";

    private final EntryRepository entries;
    private final ObjectProvider<OutlineService> outline; // the outline names units through this list: asked late
    private final AssetQueryService assets;
    private final AssetEditService edits;
    private final AccessPolicy policy;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unit-remap");
        t.setDaemon(true);
        return t;
    });

    private volatile Map<String, String> byKey = Map.of();
    private volatile long loadedAt;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

    Units(EntryRepository entries, ObjectProvider<OutlineService> outline, AssetQueryService assets, AssetEditService edits,
            AccessPolicy policy) {
        this.entries = entries;
        this.outline = outline;
        this.assets = assets;
        this.edits = edits;
        this.policy = policy;
    }

    static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String canonical(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip();
        if (s.isEmpty()) {
            return s;
        }
        return names().getOrDefault(key(s), s);
    }

    @Override
    public List<String> listed() {
        return entries.search(EntryKind.UNIT, null, 0, 200).stream().map(Entry::name).toList();
    }

    /** The listed unit a string names, or null. */
    String listedName(String name) {
        return name == null ? null : names().get(key(name.strip()));
    }

    private Map<String, String> names() {
        if (loadedAt == 0) {
            reload();
        } else if (System.currentTimeMillis() - loadedAt > TTL_MILLIS && refreshing.compareAndSet(false, true)) {
            // requests go on with the list they have; a fresh one is read beside them
            Thread t = new Thread(() -> {
                try {
                    reload();
                } catch (RuntimeException e) {
                    log.debug("units: reading the list failed: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            }, "unit-list");
            t.setDaemon(true);
            t.start();
        }
        return byKey;
    }

    /** Reads the list again (after a change here; other processes see it within {@link #TTL_MILLIS}). */
    public synchronized void reload() {
        Map<String, String> m = new HashMap<>();
        List<Entry> list = entries.search(EntryKind.UNIT, null, 0, 100_000);
        for (Entry u : list) {
            m.putIfAbsent(key(u.name()), u.name());
        }
        for (Entry u : list) {
            for (String other : u.otherNames()) {
                m.putIfAbsent(key(other), u.name()); // a unit's own name wins over another's other name
            }
        }
        byKey = m;
        loadedAt = System.currentTimeMillis();
    }

    /** The list changed here: read it again and bring the catalog's strings to it in the background. */
    void changed() {
        reload();
        background.submit(() -> {
            try {
                remap();
            } catch (RuntimeException e) {
                log.warn("units: remapping after a change of the list failed: {}", e.toString());
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        background.submit(() -> {
            try {
                if (names().isEmpty()) {
                    return; // no list yet: nothing to map to, and every string would be reported unmatched
                }
                List<Use> unmatched = remap().unmatched();
                if (!unmatched.isEmpty()) {
                    log.info("units: {} unit strings match no unit of the list (add them as units or as other names "
                            + "of one; GET /api/index/units/report): {}", unmatched.size(),
                            unmatched.stream().limit(20).map(u -> u.text() + " (" + u.assets() + " assets)").toList());
                }
            } catch (RuntimeException e) {
                log.warn("units: mapping unit strings at start-up failed: {}", e.toString());
            }
        });
    }

    /** A unit string in use: the unit of the list it names (null: none), and how many assets, nodes and entries use it. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A unit string in use and where")
    public record Use(String text, String unit, long assets, long outlineNodes, long entries) {
    }

    /** Every unit string in use, known to the list or not; after a remapping, what was mapped (from → to: count). */
    @io.swagger.v3.oas.annotations.media.Schema(description = "The unit strings in use, known and unmatched, and what a remapping changed")
    public record Report(long units, List<Use> known, List<Use> unmatched, Map<String, Integer> mapped) {
    }

    /** The office asks for the mapping now (and gets the report after it). */
    public Report remap(User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(ResourceKind.INDEX, null));
        reload();
        return remap();
    }

    /** Rewrites every string that names a listed unit by another name to the unit's name; returns the report. */
    synchronized Report remap() {
        Report r = survey(!names().isEmpty());
        return r.mapped() != null ? r : new Report(r.units(), r.known(), r.unmatched(), Map.of());
    }

    /**
     * Every unit string in use and where (assets, outline nodes, people and projects), split into those the list
     * knows and those it does not.
     */
    public Report report() {
        return survey(false);
    }

    /**
     * One pass over every unit string in use (the assets' read in pages by id, the outline's, people's and
     * projects'), rewriting those that are another name of a listed unit when {@code rename}, and counting each
     * string as it stands afterwards.
     */
    private Report survey(boolean rename) {
        Map<String, Integer> changed = new TreeMap<>();
        Map<String, long[]> uses = new TreeMap<>();
        assets.countByUnit().forEach((s, n) -> {
            String to = rename ? canonical(s) : s;
            long moved = to.equals(s) ? 0 : edits.renameUnit(s, to, BY);
            if (moved > 0) {
                changed.merge(s + " → " + to, (int) moved, Integer::sum);
                uses.computeIfAbsent(to, k -> new long[3])[0] += moved;
            }
            if (n - moved > 0) {
                uses.computeIfAbsent(s, k -> new long[3])[0] += n - moved;
            }
        });
        for (OutlineNode n : outline.getObject().inReadingOrder()) {
            if (n.unit() != null) {
                String to = rename ? canonical(n.unit()) : n.unit();
                if (!to.equals(n.unit())) {
                    outline.getObject().setUnit(n.id(), to);
                    changed.merge(n.unit() + " → " + to, 1, Integer::sum);
                }
                uses.computeIfAbsent(to, k -> new long[3])[1]++;
            }
        }
        for (EntryKind kind : List.of(EntryKind.PERSON, EntryKind.PROJECT)) {
            String field = kind == EntryKind.PERSON ? "unit" : "fundingUnit";
            for (Entry e : entries.search(kind, null, 0, 1_000_000)) {
                String u = kind == EntryKind.PERSON ? e.unit() : e.fundingUnit();
                if (u != null) {
                    String to = rename ? canonical(u) : u;
                    if (!to.equals(u)) {
                        entries.setUnit(e.id(), field, to);
                        changed.merge(u + " → " + to, 1, Integer::sum);
                    }
                    uses.computeIfAbsent(to, k -> new long[3])[2]++;
                }
            }
        }
        if (!changed.isEmpty()) {
            log.info("units: unit strings mapped to the list: {}", changed);
        }
        Map<String, String> names = names();
        List<Use> known = new ArrayList<>();
        List<Use> unmatched = new ArrayList<>();
        uses.forEach((text, n) -> {
            String unit = names.get(key(text));
            (unit != null ? known : unmatched).add(new Use(text, unit, n[0], n[1], n[2]));
        });
        return new Report(entries.count(EntryKind.UNIT), known, unmatched, rename ? changed : null);
    }
}
