package org.yingzhi.asset;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.yingzhi.search.SearchKeys;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/** Writing helpers shared by ingest and editing: descriptive fields, search keys, actors, ids and names. */
final class AssetDocuments {

    /** The kind under which the access policy knows assets. */
    static final ResourceKind KIND = ResourceKind.ASSET;

    private AssetDocuments() {
    }

    static Resource resource(Asset a) {
        return new Resource(KIND, a.contributorUnit(), a.deleted());
    }

    static Document actor(User user) {
        return new Document("name", user.name()).append("unit", user.unit());
    }

    static void putDescription(Document doc, AssetDescription d) {
        putOrRemove(doc, AssetFields.TITLE, d.title());
        putOrRemove(doc, AssetFields.DESCRIPTION, d.description());
        putOrRemove(doc, AssetFields.CONTRIBUTOR_UNIT, d.contributorUnit());
        putOrRemove(doc, AssetFields.SOURCE, d.source());
        putOrRemove(doc, AssetFields.PLACE, d.place());
        putOrRemove(doc, AssetFields.RIGHTS, d.rights());
        doc.put(AssetFields.KEYWORDS, d.keywords() == null ? List.of() : d.keywords());
        putOrRemove(doc, AssetFields.CAPTURE_DATE, d.captureDate());
        if (d.captureDate() != null) {
            OffsetDateTime[] range = AssetDescription.captureRange(d.captureDate());
            doc.put(AssetFields.CAPTURE_START, Date.from(range[0].toInstant()));
            doc.put(AssetFields.CAPTURE_END, Date.from(range[1].toInstant()));
        } else {
            doc.remove(AssetFields.CAPTURE_START);
            doc.remove(AssetFields.CAPTURE_END);
        }
    }

    static void putOrRemove(Document doc, String field, Object value) {
        if (value == null) {
            doc.remove(field);
        } else {
            doc.put(field, value);
        }
    }

    /** Character bigrams and words of every text people search by (see {@link SearchKeys}). */
    static List<String> searchKeys(Document doc) {
        List<String> texts = new ArrayList<>();
        for (String f : List.of(AssetFields.TITLE, AssetFields.DESCRIPTION, AssetFields.CONTRIBUTOR_UNIT,
                AssetFields.SOURCE, AssetFields.PLACE, AssetFields.RIGHTS, AssetFields.BATCH)) {
            texts.add(doc.getString(f));
        }
        texts.addAll(doc.getList(AssetFields.KEYWORDS, String.class, List.of()));
        texts.add(doc.get(AssetFields.ORIGINAL, Document.class).getString("fileName"));
        for (Document c : doc.getList(AssetFields.CONTRIBUTIONS, Document.class, List.of())) {
            texts.add(c.getString("unit"));
            texts.add(c.getString("batch"));
        }
        Document photo = doc.get(AssetFields.PHOTO, Document.class);
        if (photo != null) {
            Document iptc = photo.get("iptc", Document.class);
            if (iptc != null) {
                texts.add(iptc.getString("caption"));
                texts.add(iptc.getString("city"));
                texts.add(iptc.getString("byline"));
                texts.addAll(iptc.getList("keywords", String.class, List.of()));
            }
        }
        return new ArrayList<>(SearchKeys.index(texts));
    }

    static ObjectId objectId(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.notFound("asset", String.valueOf(id));
        }
        return new ObjectId(id);
    }

    /** The name a person gave the file, for display only: no directories, no control characters. */
    static final int MAX_FILE_NAME = 1024;

    /** A file name for a download: at most 120 characters, the extension kept. */
    static String downloadName(String fileName) {
        if (fileName.length() <= 120) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot > 0 && fileName.length() - dot <= 10 ? fileName.substring(dot) : "";
        return fileName.substring(0, 120 - ext.length()) + ext;
    }

    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "unnamed";
        }
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            return "unnamed";
        }
        // kept as given (a file system allows 255 bytes, or 255 UTF-16 units on Windows; paths are longer)
        return n.length() > MAX_FILE_NAME ? n.substring(0, MAX_FILE_NAME) : n;
    }
}
