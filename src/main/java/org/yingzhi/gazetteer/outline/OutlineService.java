package org.yingzhi.gazetteer.outline;

import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import jakarta.validation.constraints.PositiveOrZero;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.UnitNames;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The book's outline: a tree of any depth. Nodes are created, edited, moved and reordered; a node whose subtree has
 * links is deleted only when the caller says what becomes of them (moved to another node, or dropped). Outlines
 * come in from Word, Markdown or JSON; importing an edited outline again matches its nodes to the stored ones
 * and reports what changed instead of building a second tree.
 */
@Service
public class OutlineService {

    /** The policy's name for the outline as a resource. */
    public static final org.yingzhi.security.ResourceKind KIND = org.yingzhi.security.ResourceKind.OUTLINE;

    /** The collection whose changes the link graph follows. */
    public static final String COLLECTION = OutlineRepository.COLLECTION;

    private final OutlineRepository repo;
    private final List<ChapterReferences> references;
    private final AccessPolicy policy;
    private final UnitNames units;

    private final AuditLog audit;

    OutlineService(OutlineRepository repo, List<ChapterReferences> references, AccessPolicy policy, UnitNames units, AuditLog audit) {
        this.audit = audit;
        this.units = units;
        this.repo = repo;
        this.references = List.copyOf(references);
        this.policy = policy;
    }

    /** One node, or empty. */
    public java.util.Optional<OutlineNode> find(String id) {
        return repo.find(id);
    }

    /** The nodes of these ids that exist. */
    public List<OutlineNode> findAll(java.util.Collection<String> ids) {
        return repo.findAll(ids);
    }

    /** Every node, parents before children and siblings in order (the book's reading order). */
    public List<OutlineNode> inReadingOrder() {
        return repo.inReadingOrder();
    }

    /** A node and everything under it. */
    public List<OutlineNode> subtree(String id) {
        return repo.subtree(id);
    }

    /** Every node, unordered. */
    public List<OutlineNode> all() {
        return repo.all();
    }

    public long count() {
        return repo.count();
    }

    /**
     * Sets a node's responsible unit as the unit list names it (the list's own remapping, which is why no user is
     * asked: whoever may edit the list started it).
     */
    public void setUnit(String id, String unit) {
        repo.update(id, new Document("unit", unit));
    }

    private void touched(List<String> chapters) {
        references.forEach(r -> r.touched(chapters));
    }

    /** A node with its children, as the API and exports show the tree. */
    public record TreeNode(String id, String title, String level, String unit, String due,
            OutlineNode.WritingStatus status, String notes, int order, List<TreeNode> children) {
    }

    /** Fields of a node as a client sends them; null fields are left alone on update. */
    @Schema(description = "Fields of an outline node; null fields are left alone on update")
    public record NodeInput(@Schema(description = "parent node id; \"\" or null: top") String parent,
            @PositiveOrZero Integer position, @Size(max = 500) String title,
            @Size(max = 50) @Schema(description = "篇, 章, 节, 目 ...") String level, @Size(max = 500) String unit,
            @Size(max = 50) @Schema(description = "due date, yyyy-MM-dd") String due, OutlineNode.WritingStatus status,
            @Size(max = 20_000) String notes) {
    }

    public List<TreeNode> tree() {
        List<OutlineNode> all = repo.all();
        Map<String, List<OutlineNode>> byParent = new HashMap<>();
        for (OutlineNode n : all) {
            byParent.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n);
        }
        return build(byParent, null);
    }

    private static List<TreeNode> build(Map<String, List<OutlineNode>> byParent, String parent) {
        List<TreeNode> out = new ArrayList<>();
        List<OutlineNode> kids = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
        kids.sort(java.util.Comparator.comparingInt(OutlineNode::order));
        for (OutlineNode n : kids) {
            out.add(new TreeNode(n.id(), n.title(), n.level(), n.unit(), n.due(), n.status(), n.notes(), n.order(),
                    build(byParent, n.id())));
        }
        return out;
    }

    public OutlineNode get(String id) {
        return repo.find(id).orElseThrow(() -> ApiException.notFound("outline node", id));
    }

    public OutlineNode create(NodeInput in, User user) {
        return audit.write(Change.of(AuditActions.OUTLINE_CHANGE, "outline", null).with("op", "create").with("title", in.title())
                .with("parent", in.parent()).with("level", in.level()).with("unit", in.unit()).with("due", in.due()), null,
                () -> create0(in, user), (c, n) -> c.target(n.id()));
    }

    private OutlineNode create0(NodeInput in, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(KIND, null));
        String title = required(in.title(), "title");
        List<String> path = pathUnder(in.parent());
        List<OutlineNode> siblings = repo.children(in.parent());
        int position = in.position() == null ? siblings.size() : clamp(in.position(), siblings.size());
        for (int i = position; i < siblings.size(); i++) {
            repo.setOrder(siblings.get(i).id(), i + 1);
        }
        String level = in.level() != null ? in.level()
                : OutlineFormats.LEVELS.get(Math.min(path.size(), OutlineFormats.LEVELS.size() - 1));
        return repo.insert(in.parent(), path, position, title, level, units.canonical(in.unit()), in.due(), in.status(),
                in.notes());
    }

    public OutlineNode update(String id, NodeInput in, User user) {
        OutlineNode was = find(id).orElse(null);
        return audit.write(Change.of(AuditActions.OUTLINE_CHANGE, "outline", id).with("op", "update"), null,
                () -> update0(id, in, user), (c, n) -> was == null ? c : c.field("title", was.title(), n.title())
                        .field("level", was.level(), n.level()).field("unit", was.unit(), n.unit())
                        .field("due", was.due(), n.due()).field("status", was.status(), n.status()));
    }

    private OutlineNode update0(String id, NodeInput in, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(KIND, null));
        get(id);
        Document fields = new Document();
        if (in.title() != null) {
            fields.append("title", required(in.title(), "title"));
        }
        if (in.level() != null) {
            fields.append("level", required(in.level(), "level"));
        }
        if (in.unit() != null) {
            fields.append("unit", in.unit().isBlank() ? null : units.canonical(in.unit()));
        }
        if (in.due() != null) {
            fields.append("due", in.due().isBlank() ? null : in.due().strip());
        }
        if (in.status() != null) {
            fields.append("status", in.status().name());
        }
        if (in.notes() != null) {
            fields.append("notes", in.notes().isBlank() ? null : in.notes());
        }
        repo.update(id, fields);
        if (fields.containsKey("title")) {
            touched(List.of(id)); // the title is searchable text of the linked assets
        }
        if (in.parent() != null || in.position() != null) {
            move0(id, in.parent() == null ? get(id).parent() : in.parent().isEmpty() ? null : in.parent(),
                    in.position(), user);
        }
        return get(id);
    }

    /**
     * Moves a node with its subtree under {@code parent} (null: to the top) at {@code position} among its new
     * siblings (null: last). Links stay on their nodes, so they move with them.
     */
    public OutlineNode move(String id, String parent, Integer position, User user) {
        return audit.write(Change.of(AuditActions.OUTLINE_CHANGE, "outline", id).with("op", "move").with("parent", parent)
                .with("position", position), null, () -> move0(id, parent, position, user));
    }

    private OutlineNode move0(String id, String parent, Integer position, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(KIND, null));
        OutlineNode node = get(id);
        if (parent != null) {
            OutlineNode target = get(parent);
            if (target.id().equals(id) || target.path().contains(id)) {
                throw new ApiException(HttpStatus.CONFLICT, "Cannot move into itself",
                        "a node cannot be moved under itself or one of its descendants");
            }
        }
        List<OutlineNode> oldSiblings = new ArrayList<>(repo.children(node.parent()));
        oldSiblings.removeIf(n -> n.id().equals(id));
        List<OutlineNode> newSiblings = Objects.equals(node.parent(), parent) ? oldSiblings
                : new ArrayList<>(repo.children(parent));
        int at = position == null ? newSiblings.size() : clamp(position, newSiblings.size());
        List<String> order = new ArrayList<>(newSiblings.stream().map(OutlineNode::id).toList());
        order.add(at, id);
        repo.place(id, parent, pathUnder(parent), at);
        for (int i = 0; i < order.size(); i++) {
            repo.setOrder(order.get(i), i);
        }
        if (!Objects.equals(node.parent(), parent)) {
            for (int i = 0; i < oldSiblings.size(); i++) {
                repo.setOrder(oldSiblings.get(i).id(), i);
            }
        }
        repairPaths();
        // the assets linked in the moved subtree now sit under other ancestors
        touched(repo.subtree(id).stream().map(OutlineNode::id).toList());
        return get(id);
    }

    /**
     * Deletes a node and its subtree. When links point into it, the caller must say {@code moveLinksTo} (another
     * node, outside the subtree) or {@code dropLinks}; otherwise 409 with the count.
     */
    /** What deleting a part of the outline did. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "What deleting a part of the outline did")
    public record Deletion(int deleted, long linksMoved, long linksDropped, long figuresRemoved) {
    }

    public Deletion delete(String id, String moveLinksTo, boolean dropLinks, User user) {
        return audit.write(Change.of(AuditActions.OUTLINE_CHANGE, "outline", id).with("op", "delete")
                .with("moveLinksTo", moveLinksTo).with("dropLinks", dropLinks), null,
                () -> delete0(id, moveLinksTo, dropLinks, user), (c, d) -> c.with("deleted", d.deleted())
                        .with("linksMoved", d.linksMoved()).with("linksDropped", d.linksDropped()));
    }

    private Deletion delete0(String id, String moveLinksTo, boolean dropLinks, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(KIND, null));
        List<String> ids = repo.subtree(id).stream().map(OutlineNode::id).toList();
        if (ids.isEmpty()) {
            throw ApiException.notFound("outline node", id);
        }
        long linked = references.stream().filter(ChapterReferences::guarded).mapToLong(r -> r.count(ids)).sum();
        if (linked > 0 && moveLinksTo != null) {
            if (ids.contains(moveLinksTo)) {
                throw ApiException.badRequest("moveLinksTo must be a node outside the subtree being deleted");
            }
            get(moveLinksTo);
        } else if (linked > 0 && !dropLinks) {
            throw new ApiException(HttpStatus.CONFLICT, "The chapter has material",
                    linked + " links point into this part of the outline; move them (moveLinksTo=<node>) or "
                            + "drop them (dropLinks=true) to delete it").with("links", linked);
        }
        long moved = 0;
        long dropped = 0;
        long figuresRemoved = 0;
        for (ChapterReferences r : references) {
            if (!r.guarded()) {
                figuresRemoved += r.drop(ids);
            } else if (linked > 0 && moveLinksTo != null) {
                moved += r.moveTo(ids, moveLinksTo);
            } else if (linked > 0) {
                dropped += r.drop(ids);
            }
        }
        repo.delete(ids);
        return new Deletion(ids.size(), moved, dropped, figuresRemoved);
    }

    /** What an import did. */
    public record ImportReport(int nodes, List<String> added, List<String> renamed, List<String> renumbered,
            List<String> moved, int reordered, List<String> unmatched) {
    }

    /**
     * Imports an outline. Each heading is matched to a stored node: by its title without numbering (so a renumbered
     * or moved chapter is found), else by its numbering under the same parent (a renamed chapter). Matched nodes
     * take the new title, place and order; the rest are added; stored nodes the file no longer has are reported
     * as unmatched and left in place (deleting is a decision for a person).
     */
    public ImportReport importOutline(List<OutlineFormats.Heading> headings, User user) {
        return audit.write(Change.of(AuditActions.OUTLINE_CHANGE, "outline", null).with("op", "import")
                .with("headings", headings.size()), null, () -> importOutline0(headings, user),
                (c, r) -> c.with("added", r.added().size()).with("renamed", r.renamed().size()).with("moved", r.moved().size()));
    }

    private ImportReport importOutline0(List<OutlineFormats.Heading> headings, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(KIND, null));
        List<OutlineNode> existing = repo.all();
        Set<String> matched = new HashSet<>();
        Map<String, List<OutlineNode>> byBare = new HashMap<>();
        for (OutlineNode n : existing) {
            byBare.computeIfAbsent(OutlineFormats.bareTitle(n.title()), k -> new ArrayList<>()).add(n);
        }
        List<String> added = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<String> renumbered = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        int reordered = 0;
        List<String> open = new ArrayList<>(); // node ids of the open ancestors, by depth
        Map<String, List<String>> paths = new HashMap<>();
        Map<String, Integer> nextOrder = new HashMap<>();
        for (OutlineFormats.Heading h : headings) {
            while (open.size() >= h.depth()) {
                open.remove(open.size() - 1);
            }
            String parent = open.isEmpty() ? null : open.get(open.size() - 1);
            List<String> path = new ArrayList<>(parent == null ? List.of() : paths.get(parent));
            if (parent != null) {
                path.add(parent);
            }
            int order = nextOrder.merge(String.valueOf(parent), 1, Integer::sum) - 1;
            OutlineNode match = byBare.getOrDefault(OutlineFormats.bareTitle(h.title()), List.of()).stream()
                    .filter(n -> !matched.contains(n.id()))
                    .min(java.util.Comparator.comparing((OutlineNode n) -> !Objects.equals(n.parent(), parent)))
                    .orElse(null);
            String number = OutlineFormats.numbering(h.title());
            if (match == null && number != null) {
                match = existing.stream().filter(n -> !matched.contains(n.id()) && Objects.equals(n.parent(), parent)
                        && number.equals(OutlineFormats.numbering(n.title()))).findFirst().orElse(null);
            }
            String id;
            if (match == null) {
                id = repo.insert(parent, path, order, h.title(), h.level(), units.canonical(h.unit()), h.due(), null,
                        h.notes()).id();
                added.add(h.title());
            } else {
                id = match.id();
                matched.add(id);
                Document fields = new Document();
                if (!match.title().equals(h.title())) {
                    fields.append("title", h.title());
                    boolean sameWords = OutlineFormats.bareTitle(match.title()).equals(OutlineFormats.bareTitle(h.title()));
                    (sameWords ? renumbered : renamed).add(match.title() + " → " + h.title());
                }
                if (h.level() != null && !h.level().equals(match.level())) {
                    fields.append("level", h.level());
                }
                if (h.unit() != null) {
                    fields.append("unit", units.canonical(h.unit()));
                }
                if (h.due() != null) {
                    fields.append("due", h.due());
                }
                if (!fields.isEmpty()) {
                    repo.update(id, fields);
                }
                if (!Objects.equals(match.parent(), parent)) {
                    moved.add(h.title());
                    repo.place(id, parent, path, order);
                } else if (match.order() != order) {
                    reordered++;
                    repo.setOrder(id, order);
                }
            }
            paths.put(id, path);
            open.add(id);
        }
        List<String> unmatched = existing.stream().filter(n -> !matched.contains(n.id())).map(OutlineNode::title).toList();
        repairPaths();
        if (!renamed.isEmpty() || !renumbered.isEmpty() || !moved.isEmpty()) {
            touched(repo.all().stream().map(OutlineNode::id).toList());
        }
        return new ImportReport(headings.size(), added, renamed, renumbered, moved, reordered, unmatched);
    }

    /** Recomputes every node's ancestor list from the parent pointers (after moves and imports). */
    private void repairPaths() {
        List<OutlineNode> all = repo.all();
        Map<String, OutlineNode> byId = new HashMap<>();
        all.forEach(n -> byId.put(n.id(), n));
        for (OutlineNode n : all) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (OutlineNode p = byId.get(n.parent()); p != null && seen.add(p.id()); p = byId.get(p.parent())) {
                path.add(0, p.id());
            }
            if (!path.equals(n.path())) {
                repo.place(n.id(), n.parent(), path, n.order());
            }
        }
    }

    private List<String> pathUnder(String parent) {
        if (parent == null) {
            return List.of();
        }
        OutlineNode p = get(parent);
        List<String> path = new ArrayList<>(p.path());
        path.add(p.id());
        return path;
    }

    private static int clamp(int position, int size) {
        return Math.max(0, Math.min(position, size));
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest(field + " must not be empty");
        }
        return v.strip();
    }
}
