package org.yingzhi.gazetteer.figure;

import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import jakarta.validation.constraints.PositiveOrZero;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.AssetType;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.User;
import org.yingzhi.shared.office.Sheets;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/**
 * Photos for the book: editors attach photos to outline nodes with caption and credit and put them in order; the
 * figure list of a chapter, a part or the whole book is numbered by chapter (图1-1, 图1-2, 图2-1 ...) in reading
 * order and exported as Markdown, CSV and .xlsx, or as a zip with each figure's picture named by its number for
 * the typesetter.
 */
@Service
public class FigureService {

    static final String CHAPTER_LEVEL = "章";

    private final FigureRepository figures;
    private final OutlineService outline;
    private final AssetReader assets;
    private final MediaStore store;
    private final AccessPolicy policy;

    private final AuditLog audit;

    public FigureService(FigureRepository figures, OutlineService outline, AssetReader assets, MediaStore store,
            AccessPolicy policy, AuditLog audit) {
        this.audit = audit;
        this.figures = figures;
        this.outline = outline;
        this.assets = assets;
        this.store = store;
        this.policy = policy;
    }

    @Schema(description = "A photo to attach as a figure, or a figure's new caption, credit or place")
    public record FigureInput(@Schema(description = "the photo's asset id") String asset,
            @Size(max = 2000) String caption, @Size(max = 500) String credit,
            @PositiveOrZero @Schema(description = "place among the chapter's figures; null: last") Integer position) {
    }

    public Figure attach(String chapter, FigureInput in, User user) {
        return audit.write(Change.of(AuditActions.FIGURE_CHANGE, "figure", null).with("op", "attach").with("chapter", chapter)
                .with("asset", in.asset()).with("caption", in.caption()).with("credit", in.credit()), null,
                () -> attach0(chapter, in, user), (c, f) -> c.target(f.id()).with("order", f.order()));
    }

    private Figure attach0(String chapter, FigureInput in, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(OutlineService.KIND, null));
        OutlineNode node = outline.find(chapter).orElseThrow(() -> ApiException.notFound("outline node", chapter));
        if (in.asset() == null || !ObjectId.isValid(in.asset())) {
            throw ApiException.badRequest("asset must be the id of a photo");
        }
        Asset a = assets.findById(new ObjectId(in.asset())).filter(x -> !x.deleted())
                .orElseThrow(() -> ApiException.notFound("asset", in.asset()));
        if (a.type() != AssetType.PHOTO) {
            throw ApiException.invalid("figure.notPhoto");
        }
        List<Figure> current = figures.ofChapters(List.of(node.id()));
        int at = in.position() == null ? current.size() : Math.max(0, Math.min(in.position(), current.size()));
        String caption = blank(in.caption()) ? ownCaption(a) : in.caption();
        String credit = blank(in.credit()) ? ownCredit(a) : in.credit();
        Figure f = figures.insert(node.id(), a.id(), caption, credit, at, user.name())
                .orElseThrow(() -> ApiException.coded(HttpStatus.CONFLICT, "Already attached", "figure.attached", node.title()));
        List<String> order = new ArrayList<>(current.stream().map(Figure::id).toList());
        order.add(at, f.id());
        for (int i = 0; i < order.size(); i++) {
            figures.setOrder(order.get(i), i);
        }
        return figures.find(f.id()).orElseThrow();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The caption a photo carries itself, as a figure's default: its IPTC caption (or XMP description, MWG order),
     * else the catalog's description, else its title.
     */
    static String ownCaption(Asset a) {
        if (a.photo() != null && a.photo().mwg() != null && !blank(a.photo().mwg().description())) {
            return a.photo().mwg().description();
        }
        if (a.photo() != null && a.photo().iptc() != null && !blank(a.photo().iptc().caption())) {
            return a.photo().iptc().caption();
        }
        return !blank(a.description()) ? a.description() : a.title();
    }

    /** The credit (摄影 / 来源) a photo carries itself: IPTC By-line or XMP creator (MWG), else EXIF Artist, else its source. */
    static String ownCredit(Asset a) {
        if (a.photo() != null) {
            var p = a.photo();
            if (p.mwg() != null && p.mwg().creators() != null && !p.mwg().creators().isEmpty()) {
                return String.join("、", p.mwg().creators());
            }
            if (p.iptc() != null && !blank(p.iptc().byline())) {
                return p.iptc().byline();
            }
            if (p.exif() != null && !blank(p.exif().artist())) {
                return p.exif().artist();
            }
        }
        return a.source();
    }

    public Figure update(String id, FigureInput in, User user) {
        return audit.write(Change.of(AuditActions.FIGURE_CHANGE, "figure", id).with("op", "update")
                .with("caption", in.caption()).with("credit", in.credit()).with("position", in.position()), null,
                () -> update0(id, in, user));
    }

    private Figure update0(String id, FigureInput in, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(OutlineService.KIND, null));
        Figure f = figures.find(id).orElseThrow(() -> ApiException.notFound("figure", id));
        if (in.asset() != null && !in.asset().equals(f.asset())) {
            throw ApiException.badRequest("a figure's photo is not changed; remove it and attach the other photo");
        }
        figures.update(id, in.caption(), in.credit());
        if (in.position() != null) {
            List<String> order = new ArrayList<>(figures.ofChapters(List.of(f.chapter())).stream().map(Figure::id).toList());
            order.remove(id);
            order.add(Math.max(0, Math.min(in.position(), order.size())), id);
            for (int i = 0; i < order.size(); i++) {
                figures.setOrder(order.get(i), i);
            }
        }
        return figures.find(id).orElseThrow();
    }

    /** Puts a node's figures in the given order; the list must name each of them once. */
    public List<Figure> reorder(String chapter, List<String> ids, User user) {
        return audit.write(Change.of(AuditActions.FIGURE_CHANGE, "chapter", chapter).with("op", "reorder").with("order", ids),
                null, () -> reorder0(chapter, ids, user));
    }

    private List<Figure> reorder0(String chapter, List<String> ids, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(OutlineService.KIND, null));
        outline.find(chapter).orElseThrow(() -> ApiException.notFound("outline node", chapter));
        List<Figure> current = figures.ofChapters(List.of(chapter));
        Set<String> have = new HashSet<>(current.stream().map(Figure::id).toList());
        if (ids == null || ids.size() != have.size() || !have.equals(new HashSet<>(ids))) {
            throw ApiException.badRequest("the order must list each of the chapter's " + have.size() + " figures once");
        }
        for (int i = 0; i < ids.size(); i++) {
            figures.setOrder(ids.get(i), i);
        }
        return figures.ofChapters(List.of(chapter));
    }

    public void delete(String id, User user) {
        audit.write(Change.of(AuditActions.FIGURE_CHANGE, "figure", id).with("op", "delete"), null, () -> delete0(id, user));
    }

    private void delete0(String id, User user) {
        policy.check(user, Action.EDIT_GAZETTEER, Resource.of(OutlineService.KIND, null));
        Figure f = figures.find(id).orElseThrow(() -> ApiException.notFound("figure", id));
        figures.delete(id);
        List<Figure> rest = figures.ofChapters(List.of(f.chapter()));
        for (int i = 0; i < rest.size(); i++) {
            figures.setOrder(rest.get(i).id(), i);
        }
    }

    /**
     * A figure with its number, where it sits in the book, and its photo, with what the typesetter needs: the
     * original file's name, its pixel size and when it was taken.
     */
    public record Numbered(String number, Figure figure, String node, String chapter, String title, String preview,
            String fileName, Integer width, Integer height, String captureDate,
            @Schema(description = "the photo passed 政治关 and 史实关; otherwise every list marks it as a draft") boolean approved) {

        /** The review column of every list: approved, or a draft that must not be printed as it is. */
        public String reviewNote() {
            return approved ? APPROVED_NOTE : DRAFT_NOTE;
        }
    }

    public static final String APPROVED_NOTE = "已通过政治关、史实关";
    public static final String DRAFT_NOTE = "草稿：未通过审核";

    /**
     * The numbered figures of a node's subtree (or of the whole book when {@code root} is null), in reading order.
     * The first number is the chapter's (章) place in the whole book, counted across parts; figures above any
     * chapter (attached to a 篇) take their part's number.
     */
    public List<Numbered> numbered(String root) {
        List<OutlineNode> reading = outline.inReadingOrder();
        if (root != null && reading.stream().noneMatch(n -> n.id().equals(root))) {
            throw ApiException.notFound("outline node", root);
        }
        Map<String, Asset> photos = new HashMap<>();
        List<Figure> all = live(figures.ofChapters(reading.stream().map(OutlineNode::id).toList()), photos);
        List<Numbered> out = new ArrayList<>();
        for (Placed p : number(reading, all, root)) {
            Asset a = photos.get(p.figure().asset());
            var meta = a.photo();
            out.add(new Numbered(p.number(), p.figure(), p.node().title(), p.chapter() == null ? null : p.chapter().title(),
                    a.title(), "/api/assets/" + p.figure().asset() + "/preview?size=2048", a.original().fileName(),
                    meta == null ? null : meta.width(), meta == null ? null : meta.height(), a.captureDate(),
                    org.yingzhi.asset.AssetReviews.approved(a)));
        }
        return out;
    }

    /**
     * The figures whose photos are in the catalog and not deleted: a deleted photo leaves the book (its number, its
     * place in every list and export) and comes back, numbered again, when it is restored. Fills {@code photos}.
     */
    private List<Figure> live(List<Figure> all, Map<String, Asset> photos) {
        for (Asset a : assets.findByIds(all.stream().map(Figure::asset).distinct().toList())) {
            if (!a.deleted()) {
                photos.put(a.id(), a);
            }
        }
        return all.stream().filter(f -> photos.containsKey(f.asset())).toList();
    }

    /** The figures of these nodes whose photos are not deleted (for counting, with the outline a caller holds). */
    public List<Figure> of(List<OutlineNode> nodes) {
        return live(figures.ofChapters(nodes.stream().map(OutlineNode::id).toList()), new HashMap<>());
    }

    /** The figures a photo is in, numbered as in the book (empty when it is in none, or deleted). */
    public List<Numbered> ofPhoto(String asset) {
        return numbered(null).stream().filter(n -> n.figure().asset().equals(asset)).toList();
    }

    /** A figure with its number and the node and chapter (章, or null above any chapter) it sits in. */
    record Placed(String number, Figure figure, OutlineNode node, OutlineNode chapter) {
    }

    /**
     * The numbering itself (pure: unit-tested): figures of the nodes in reading order, each {@code 图<chapter>-<n>}
     * counted across the whole book, those of {@code root}'s subtree returned (all when null).
     */
    static List<Placed> number(List<OutlineNode> reading, List<Figure> figures, String root) {
        Map<String, Integer> chapterNo = new HashMap<>();
        Map<String, Integer> partNo = new HashMap<>();
        int chapters = 0;
        int parts = 0;
        for (OutlineNode n : reading) {
            if (n.parent() == null) {
                partNo.put(n.id(), ++parts);
            }
            if (CHAPTER_LEVEL.equals(n.level())) {
                chapterNo.put(n.id(), ++chapters);
            }
        }
        Map<String, OutlineNode> byId = new HashMap<>();
        reading.forEach(n -> byId.put(n.id(), n));
        // numbered across the whole book, so a section's figures keep the numbers they have in their chapter
        Map<String, List<Figure>> byNode = new HashMap<>();
        for (Figure f : figures) {
            byNode.computeIfAbsent(f.chapter(), k -> new ArrayList<>()).add(f);
        }
        byNode.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(Figure::order)));
        Map<String, Integer> counters = new LinkedHashMap<>();
        List<Placed> out = new ArrayList<>();
        for (OutlineNode n : reading) {
            boolean inScope = root == null || n.id().equals(root) || n.path().contains(root);
            for (Figure f : byNode.getOrDefault(n.id(), List.of())) {
                OutlineNode chapter = enclosingChapter(n, byId);
                String prefix = chapter != null ? String.valueOf(chapterNo.get(chapter.id()))
                        : String.valueOf(partNo.get(n.path().isEmpty() ? n.id() : n.path().get(0)));
                int k = counters.merge(prefix, 1, Integer::sum);
                if (inScope) {
                    out.add(new Placed("图" + prefix + "-" + k, f, n, chapter));
                }
            }
        }
        return out;
    }

    private static OutlineNode enclosingChapter(OutlineNode n, Map<String, OutlineNode> byId) {
        for (OutlineNode x = n; x != null; x = x.parent() == null ? null : byId.get(x.parent())) {
            if (CHAPTER_LEVEL.equals(x.level())) {
                return x;
            }
        }
        return null;
    }

    public static String markdown(List<Numbered> list) {
        StringBuilder sb = new StringBuilder("| 图号 | 图注 | 摄影/来源 | 章节 | 原始文件 | 像素 | 拍摄日期 | 审核 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Numbered n : list) {
            sb.append("| ").append(n.number()).append(" | ").append(cell(n.figure().caption())).append(" | ")
                    .append(cell(n.figure().credit())).append(" | ").append(cell(n.node())).append(" | ")
                    .append(cell(n.fileName())).append(" | ").append(pixels(n)).append(" | ")
                    .append(cell(n.captureDate())).append(" | ").append(n.reviewNote()).append(" |\n");
        }
        return sb.toString();
    }

    /** "4000×3000", or empty when the size is not known. */
    static String pixels(Numbered n) {
        return n.width() == null || n.height() == null ? "" : n.width() + "×" + n.height();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** CSV (RFC 4180) with a byte-order mark, so that spreadsheet programs read the Chinese as UTF-8. */
    public static byte[] csv(List<Numbered> list) {
        StringBuilder sb = new StringBuilder("\uFEFF图号,图注,摄影/来源,章节,原始文件,像素,拍摄日期,资产,审核\r\n");
        for (Numbered n : list) {
            sb.append(String.join(",", csvCell(n.number()), csvCell(n.figure().caption()), csvCell(n.figure().credit()),
                    csvCell(n.node()), csvCell(n.fileName()), csvCell(pixels(n)), csvCell(n.captureDate()),
                    csvCell(n.figure().asset()), csvCell(n.reviewNote()))).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String s) {
        String v = s == null ? "" : s;
        // a leading = + - @ would make a spreadsheet run a formula: neutralised with a quote
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    public static byte[] xlsx(List<Numbered> list) {
        List<List<Object>> rows = new ArrayList<>();
        for (Numbered n : list) {
            rows.add(java.util.Arrays.asList(n.number(), n.figure().caption(), n.figure().credit(), n.node(),
                    n.fileName(), pixels(n), n.captureDate(), n.figure().asset(), n.reviewNote()));
        }
        return Sheets.xlsx("图表目录", List.of("图号", "图注", "摄影/来源", "章节", "原始文件", "像素", "拍摄日期", "资产", "审核"),
                rows, 1, 60);
    }

    /** The list (Markdown and CSV) and every figure's picture named by its number: the 2048 px preview, else the original. */
    public void zip(List<Numbered> list, java.io.OutputStream target) throws IOException {
        // streamed: a whole book's pictures do not fit in memory
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            zip.putNextEntry(new ZipEntry("图表目录.md"));
            zip.write(markdown(list).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("图表目录.csv"));
            zip.write(csv(list));
            for (Numbered n : list) {
                Asset a = assets.findById(new ObjectId(n.figure().asset())).orElse(null);
                if (a == null || a.deleted()) {
                    continue; // deleted since the list was made: never in the typesetter's zip
                }
                Path preview = store.derivative(a.id(), Derivative.PREVIEW, 2048);
                Path file = Files.isReadable(preview) ? preview : store.original(a.original().sha256(), a.original().ext());
                String ext = file == preview ? "jpg" : a.original().ext();
                zip.putNextEntry(new ZipEntry(n.number() + "." + ext));
                Files.copy(file, zip);
            }
            zip.finish();
        }
    }
}
