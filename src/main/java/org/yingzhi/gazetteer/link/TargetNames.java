package org.yingzhi.gazetteer.link;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import org.yingzhi.gazetteer.index.EntryDirectory;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;

/**
 * The names of link targets by id (outline nodes by title; people, projects and places by name), for pages that
 * show search facets or filters by chapter, person, project or place. Entries come from memory; the outline's
 * nodes in one read.
 */
@Component
public class TargetNames {

    private final OutlineService outline;
    private final EntryDirectory entries;

    TargetNames(OutlineService outline, EntryDirectory entries) {
        this.outline = outline;
        this.entries = entries;
    }

    /** The name of every id known as a node or an entry (unknown ids are left out). */
    public Map<String, String> of(Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        List<String> valid = ids.stream().filter(ObjectId::isValid).distinct().toList();
        for (String id : valid) {
            entries.get(id).ifPresent(e -> out.put(id, e.name()));
        }
        List<String> rest = valid.stream().filter(id -> !out.containsKey(id)).toList();
        if (!rest.isEmpty()) {
            for (OutlineNode n : outline.findAll(rest)) {
                out.put(n.id(), n.title());
            }
        }
        return out;
    }
}
