package org.yingzhi.gazetteer.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetQueryService;
import org.yingzhi.gazetteer.index.Entry;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.link.LinkService;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.gazetteer.outline.OutlineFormats;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.security.Role;
import org.yingzhi.security.User;
import org.yingzhi.shared.io.Sha256;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Loads a sample gazetteer at start-up ({@code --yingzhi.gazetteer.seed=samples/gazetteer}, which scripts/run passes)
 * so a new user sees a populated one: the outline from {@code outline.docx} when the outline is empty, and people,
 * projects, places and links from {@code gazetteer.json} when the index is empty. Links name their asset by the
 * sample file (found by its SHA-256, so after the folder import), their targets by name. Runs after the import.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class GazetteerSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GazetteerSeed.class);
    private static final User SEED = new User("seed", "Sample gazetteer", Role.ADMIN, "");

    private final Path dir;
    private final OutlineService outline;
    private final EntryService entries;
    private final LinkService links;
    private final AssetQueryService assets;

    public GazetteerSeed(@Value("${yingzhi.gazetteer.seed:}") String dir, OutlineService outline,
            EntryService entries, LinkService links, AssetQueryService assets) {
        this.dir = dir.isBlank() ? null : Path.of(dir);
        this.outline = outline;
        this.entries = entries;
        this.links = links;
        this.assets = assets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (dir == null) {
            return;
        }
        try {
            seed();
        } catch (IOException | RuntimeException e) {
            log.warn("sample gazetteer not loaded: {}", e.getMessage());
        }
    }

    public void seed() throws IOException {
        Path json = dir.resolve("gazetteer.json");
        JsonNode root = Files.exists(json) ? Json.MAPPER.readTree(Files.readString(json)) : null;
        if (root != null && entries.count(EntryKind.UNIT) == 0) {
            // the unit list first: what follows is named by it
            int u = 0;
            for (JsonNode e : root.path(EntryKind.UNIT.plural())) {
                entries.create(EntryKind.UNIT, Json.MAPPER.convertValue(e, Entry.Input.class), SEED);
                u++;
            }
            System.out.println("sample unit list: " + u + " units");
        }
        Path docx = dir.resolve("outline.docx");
        if (outline.count() == 0 && Files.exists(docx)) {
            OutlineService.ImportReport r = outline.importOutline(OutlineFormats.docx(Files.readAllBytes(docx)), SEED);
            System.out.println("sample outline: " + r.added().size() + " nodes from " + docx);
        }
        if (root == null || entries.count(EntryKind.PERSON) > 0) {
            return;
        }
        int n = 0;
        for (EntryKind kind : List.of(EntryKind.PLACE, EntryKind.PERSON, EntryKind.PROJECT)) {
            for (JsonNode e : root.path(kind.plural())) {
                Map<String, Object> fields = Json.MAPPER.convertValue(e, Map.class);
                for (String ref : List.of("placeServed", "place", "parentPlace")) {
                    if (fields.get(ref) instanceof String name) {
                        fields.put(ref, entries.findByName(EntryKind.PLACE, name).map(Entry::id).orElse(null));
                    }
                }
                entries.create(kind, Json.MAPPER.convertValue(fields, Entry.Input.class), SEED);
                n++;
            }
        }
        int linked = 0;
        List<OutlineNode> nodes = outline.all();
        for (JsonNode l : root.path("links")) {
            Asset a = assetOf(dir.getParent().resolve(l.get("file").asString()));
            if (a == null) {
                continue;
            }
            String target = null;
            String id = null;
            for (LinkTarget t : LinkTarget.values()) {
                if (l.has(t.wire())) {
                    target = t.wire();
                    String name = l.get(t.wire()).asString();
                    id = t == LinkTarget.CHAPTER
                            ? nodes.stream().filter(x -> x.title().equals(name)).map(OutlineNode::id).findFirst().orElse(null)
                            : entries.findByName(t.entryKind(), name).map(Entry::id).orElse(null);
                }
            }
            if (id == null) {
                continue;
            }
            try {
                links.create(new LinkService.LinkInput(a.id(), target, id, l.path("in").asString(null),
                        l.path("out").asString(null), null, null, l.path("note").asString(null)), SEED);
                linked++;
            } catch (RuntimeException e) {
                // one bad sample link is reported and the others are still made
                log.warn("sample link {} not made: {}", l, e.getMessage());
            }
        }
        System.out.println("sample index: " + n + " people, projects and places; " + linked + " links");
    }

    private Asset assetOf(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return assets.findBySha256(Sha256.of(file)).orElse(null);
    }
}
