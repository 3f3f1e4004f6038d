package org.yingzhi.gazetteer.index;

import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/** The index of people, aid projects, places and units: create, edit, find (Chinese or pinyin), merge, nearest places. */
@Service
public class EntryService {

    /** The collection whose changes the link graph follows. */
    public static final String COLLECTION = EntryRepository.COLLECTION;

    /** The policy's name for the index as a resource. */
    public static final org.yingzhi.security.ResourceKind KIND = org.yingzhi.security.ResourceKind.INDEX;

    private final EntryRepository entries;
    private final List<EntryReferences> links;
    private final AccessPolicy policy;

    private final Units units;
    private final EntryDirectory directory;

    private final AuditLog audit;

    EntryService(EntryRepository entries, List<EntryReferences> links, AccessPolicy policy, Units units,
            EntryDirectory directory, AuditLog audit) {
        this.audit = audit;
        this.units = units;
        this.directory = directory;
        this.entries = entries;
        this.links = List.copyOf(links);
        this.policy = policy;
    }

    public Entry create(EntryKind kind, Entry.Input in, User user) {
        return audit.write(Change.of(AuditActions.INDEX_CHANGE, kind.name().toLowerCase(), null).with("op", "create")
                .with("name", in.name()).with("unit", in.unit()), null, () -> create0(kind, in, user), (c, e) -> c.target(e.id()));
    }

    private Entry create0(EntryKind kind, Entry.Input in, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(ResourceKind.INDEX, null));
        if (in.name() == null || in.name().isBlank()) {
            throw ApiException.badRequest("name must not be empty");
        }
        check(kind, in);
        if (kind == EntryKind.UNIT) {
            checkUnitNames(null, in);
            Entry e = entries.insert(kind, in);
            units.changed();
            return e;
        }
        return entries.insert(kind, withUnits(in));
    }

    /** A person's unit and a project's funding unit as the unit list names them. */
    private Entry.Input withUnits(Entry.Input in) {
        if (in.unit() == null && in.fundingUnit() == null) {
            return in;
        }
        return new Entry.Input(in.name(), in.otherNames(), in.gender(), in.ethnicity(), in.roles(),
                units.canonical(in.unit()), in.batch(), in.yearFrom(), in.yearTo(), in.placeServed(), in.biography(),
                in.portrait(), in.place(), units.canonical(in.fundingUnit()), in.amount(), in.projectStatus(),
                in.placeKind(), in.parentPlace(), in.latitude(), in.longitude(), in.notes());
    }

    /** A unit's names may not be another unit's names: one string, one unit. */
    private void checkUnitNames(String self, Entry.Input in) {
        List<String> names = new ArrayList<>();
        if (in.name() != null) {
            names.add(in.name());
        }
        if (in.otherNames() != null) {
            names.addAll(in.otherNames());
        }
        for (String n : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            String owner = units.listedName(n);
            Entry other = owner == null ? null : entries.findByName(EntryKind.UNIT, owner).orElse(null);
            if (other != null && !other.id().equals(self)) {
                throw new ApiException(HttpStatus.CONFLICT, "Unit name taken",
                        "'" + n + "' already names the unit " + other.name() + " (" + other.id() + ")");
            }
        }
    }

    public Entry update(EntryKind kind, String id, Entry.Input in, User user) {
        Entry was = find(id).orElse(null);
        return audit.write(Change.of(AuditActions.INDEX_CHANGE, kind.name().toLowerCase(), id).with("op", "update"), null,
                () -> update0(kind, id, in, user), (c, e) -> was == null ? c : c.field("name", was.name(), e.name())
                        .field("unit", was.unit(), e.unit()));
    }

    private Entry update0(EntryKind kind, String id, Entry.Input in, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(ResourceKind.INDEX, null));
        Entry e = get(kind, id);
        if (in.name() != null && in.name().isBlank()) {
            throw ApiException.badRequest("name must not be empty");
        }
        check(kind, in);
        if (kind == EntryKind.UNIT) {
            checkUnitNames(e.id(), in);
        }
        Entry updated = entries.update(e.id(), kind == EntryKind.UNIT ? in : withUnits(in));
        if (kind == EntryKind.UNIT) {
            units.changed();
        }
        if (kind != EntryKind.UNIT && (in.name() != null || in.otherNames() != null)) {
            List<String> ids = new ArrayList<>(e.formerIds());
            ids.add(e.id());
            links.forEach(r -> r.touched(kind, ids)); // names are searchable text of linked assets
        }
        return updated;
    }

    /** One entry of any kind, or empty. */
    public java.util.Optional<Entry> find(String id) {
        return entries.find(id);
    }

    /** The entries of these ids that exist. */
    public List<Entry> findAll(java.util.Collection<String> ids) {
        return entries.findAll(ids);
    }

    /** The entry of this kind whose name is exactly {@code name}. */
    public java.util.Optional<Entry> findByName(EntryKind kind, String name) {
        return entries.findByName(kind, name);
    }

    public long count(EntryKind kind) {
        return entries.count(kind);
    }

    public Entry get(EntryKind kind, String id) {
        return entries.find(id).filter(e -> e.kind() == kind)
                .orElseThrow(() -> ApiException.notFound(kind.wire(), id));
    }

    /** The names of the listed units, by name (the first 200), for pages that offer them as choices. */
    public List<String> unitNames() {
        return units.listed();
    }

    /** One page of entries found, how many there are, and (searching every kind) how many of each kind. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "Entries found: one page, the total, and per kind (people, projects ...) when all kinds were searched")
    public record Found(List<Entry> items, long total, Map<String, Long> byKind) {

        /** The same page with the counts per kind of another search. */
        public Found withByKind(Map<String, Long> counts) {
            return new Found(items, total, counts);
        }
    }

    public Found search(EntryKind kind, String q, int offset, int limit) {
        if (q != null && q.length() > 100) {
            throw ApiException.badRequest("q may be at most 100 characters");
        }
        int size = Math.max(1, Math.min(limit, 200));
        if (directory.ready()) {
            EntryDirectory.Found f = directory.search(kind, q, Math.max(0, offset), size);
            Map<String, Long> byKind = null;
            if (kind == null) {
                byKind = new LinkedHashMap<>();
                Map<String, Long> counts = byKind;
                f.byKind().forEach((k, n) -> counts.put(k.plural(), n));
            }
            return new Found(f.items(), f.total(), byKind);
        }
        if (kind == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Index directory not ready",
                    "the index of people, projects and places is being read; try again shortly");
        }
        // until the directory is built (the first seconds after start-up), the catalog answers
        return new Found(entries.search(kind, q, Math.max(0, offset), size), entries.countMatching(kind, q), null);
    }

    /**
     * Merges {@code other} into {@code survivor} (same kind): every link to the other now points to the survivor,
     * its names become other names, fields the survivor lacks are filled from it, and its id keeps resolving.
     */
    /** What a merge did: the surviving entry, and how many links moved to it. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "The surviving entry, and how many links moved to it")
    public record Merged(Entry entry, long linksMoved) {
    }

    public Merged merge(EntryKind kind, String survivor, String other, User user) {
        return audit.write(Change.of(AuditActions.INDEX_CHANGE, kind.name().toLowerCase(), survivor).with("op", "merge")
                .with("merged", other), null, () -> merge0(kind, survivor, other, user),
                (c, m) -> c.with("linksMoved", m.linksMoved()));
    }

    private Merged merge0(EntryKind kind, String survivor, String other, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(ResourceKind.INDEX, null));
        Entry keep = get(kind, survivor);
        Entry gone = get(kind, other);
        if (keep.id().equals(gone.id())) {
            throw new ApiException(HttpStatus.CONFLICT, "Same entry", "an entry cannot be merged into itself");
        }
        long moved = 0;
        if (kind != EntryKind.UNIT) {
            List<String> ids = new ArrayList<>(gone.formerIds());
            ids.add(gone.id());
            for (EntryReferences r : links) {
                moved += r.moveTo(kind, ids, keep.id());
            }
        }
        Entry merged = entries.absorb(keep.id(), gone);
        if (kind == EntryKind.UNIT) {
            units.changed(); // the other unit's names are now names of the survivor
        }
        return new Merged(merged, moved);
    }

    /** Known places nearest a GPS position (great-circle distance), closest first, with the distance in km. */
    /** A known place and how far it is from a position. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A known place and its great-circle distance in km")
    public record NearPlace(Entry place, double distanceKm) {
    }

    public List<NearPlace> nearestPlaces(double lat, double lon, int limit) {
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw ApiException.badRequest("latitude must be within ±90 and longitude within ±180");
        }
        List<NearPlace> out = new ArrayList<>();
        for (Entry p : directory.ready() ? directory.all(EntryKind.PLACE) : entries.search(EntryKind.PLACE, null, 0, 100_000)) {
            if (p.latitude() == null || p.longitude() == null) {
                continue;
            }
            out.add(new NearPlace(p, Math.round(km(lat, lon, p.latitude(), p.longitude()) * 10) / 10.0));
        }
        out.sort(Comparator.comparingDouble(NearPlace::distanceKm));
        return out.subList(0, Math.min(Math.max(1, limit), out.size()));
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** Fields that belong to another kind are refused, and references must point to entries of the right kind. */
    private void check(EntryKind kind, Entry.Input in) {
        List<String> foreign = new ArrayList<>();
        boolean person = kind == EntryKind.PERSON;
        boolean project = kind == EntryKind.PROJECT;
        boolean place = kind == EntryKind.PLACE;
        if (!person) {
            addIf(foreign, in.gender(), "gender");
            addIf(foreign, in.ethnicity(), "ethnicity");
            addIf(foreign, in.roles(), "roles");
            addIf(foreign, in.batch(), "batch");
            addIf(foreign, in.placeServed(), "placeServed");
            addIf(foreign, in.biography(), "biography");
            addIf(foreign, in.portrait(), "portrait");
        }
        if (!person && !project) {
            addIf(foreign, in.yearFrom(), "yearFrom");
            addIf(foreign, in.yearTo(), "yearTo");
        }
        if (!project) {
            addIf(foreign, in.place(), "place");
            addIf(foreign, in.fundingUnit(), "fundingUnit");
            addIf(foreign, in.amount(), "amount");
            addIf(foreign, in.projectStatus(), "projectStatus");
        }
        if (!place) {
            addIf(foreign, in.placeKind(), "placeKind");
            addIf(foreign, in.parentPlace(), "parentPlace");
            addIf(foreign, in.latitude(), "latitude");
            addIf(foreign, in.longitude(), "longitude");
        }
        if (kind == EntryKind.UNIT) {
            addIf(foreign, in.unit(), "unit");
        }
        if (!foreign.isEmpty()) {
            throw ApiException.badRequest("a " + kind.wire() + " has no " + String.join(", ", foreign));
        }
        if (in.yearFrom() != null && in.yearTo() != null && in.yearTo() < in.yearFrom()) {
            throw ApiException.badRequest("yearTo comes before yearFrom");
        }
        for (String ref : new String[] {in.placeServed(), in.place(), in.parentPlace()}) {
            if (ref != null && !ref.isBlank() && entries.find(ref).filter(e -> e.kind() == EntryKind.PLACE).isEmpty()) {
                throw ApiException.badRequest("'" + ref + "' is not a place of the index");
            }
        }
    }

    private static void addIf(List<String> out, Object value, String name) {
        if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
            out.add(name);
        }
    }
}
