package org.yingzhi.asset;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.AssetRepository.F;
import org.yingzhi.job.JobType;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.ProbeMapper;
import org.yingzhi.metadata.PhotoMetadata;
import org.yingzhi.metadata.PhotoMetadataReader;
import org.yingzhi.search.SearchKeys;
import org.yingzhi.security.Role;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.MediaStore;

/** Takes files in, catalogs them, and answers for them: the rules of the asset catalog live here. */
@Service
public class AssetService {

    private static final Logger log = LoggerFactory.getLogger(AssetService.class);
    private static final Set<String> SORTABLE = Set.of("createdAt", "captureStart", "title", "media.durationSeconds",
            "original.size", "updatedAt");
    private static final Set<String> PATCHABLE = Set.of("title", "description", "contributorUnit", "source",
            "captureDate", "place", "keywords", "rights");

    private final AssetRepository repo;
    private final MediaStore store;
    private final MediaToolkit toolkit;
    private final PhotoMetadataReader photos;
    private final UploadProperties limits;
    private final AssetProcessing processing;

    public AssetService(AssetRepository repo, MediaStore store, MediaToolkit toolkit, PhotoMetadataReader photos,
            UploadProperties limits, AssetProcessing processing) {
        this.processing = processing;
        this.repo = repo;
        this.store = store;
        this.toolkit = toolkit;
        this.photos = photos;
        this.limits = limits;
    }

    /**
     * Stores and catalogs one file. Unrecognised content is refused (415) and nothing is kept; a recognised file
     * whose metadata cannot be read is still stored and cataloged, with the errors on the asset.
     */
    public IngestResult ingest(InputStream in, String fileName, Descriptive meta, User user) throws IOException {
        Descriptive d = (meta == null ? Descriptive.empty() : meta).normalized();
        String unit = d.contributorUnit() != null ? d.contributorUnit() : blankToNull(user.unit());
        requireContributor(user, unit);
        MediaStore.Received received;
        try {
            received = store.receive(in, limits.maxFileSize().toBytes());
        } catch (MediaStore.TooLargeException e) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
        }
        try {
            if (received.size() == 0) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a media file", "the file is empty")
                        .with("fileName", displayName(fileName));
            }
            Optional<ContentSniffer.Detected> detected = ContentSniffer.detect(received.head());
            if (detected.isEmpty()) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a media file",
                        ContentSniffer.describe(received.head()))
                        .with("fileName", displayName(fileName));
            }
            Optional<Document> existing = repo.findBySha256(received.sha256());
            if (existing.isPresent()) {
                return new IngestResult(existing.get(), true);
            }
            Path original = store.commitOriginal(received, detected.get().ext());
            Document doc = catalog(original, received, detected.get(), fileName, d.orElse(Descriptive.ofUnit(unit)), user);
            Optional<Document> inserted = repo.insert(doc);
            if (inserted.isPresent()) {
                // a crash right here leaves the asset INGESTED with its steps planned; the sweep queues them
                processing.enqueuePlanned(inserted.get());
                log.info("ingested {} {} as {} ({} bytes)", doc.get(F.TYPE), displayName(fileName),
                        doc.getObjectId(F.ID), received.size());
                return new IngestResult(inserted.get(), false);
            }
            // lost a race with an identical upload: that one holds the original now
            return new IngestResult(repo.findBySha256(received.sha256()).orElseThrow(), true);
        } finally {
            store.discard(received);
        }
    }

    private Document catalog(Path original, MediaStore.Received received, ContentSniffer.Detected detected,
            String fileName, Descriptive d, User user) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        MediaType type = detected.type();
        MediaInfo media = null;
        PhotoMetadata photo = null;
        if (type == MediaType.PHOTO) {
            try {
                photo = photos.read(original);
                warnings.addAll(photo.warnings());
            } catch (IOException | RuntimeException e) {
                errors.add("photo metadata: " + e.getMessage());
            }
        } else {
            try {
                media = ProbeMapper.map(toolkit.probe(original));
                warnings.addAll(media.warnings());
                if (type == MediaType.VIDEO && !media.hasVideo() && media.hasAudio()) {
                    type = MediaType.AUDIO;
                } else if (type == MediaType.AUDIO && media.hasVideo()) {
                    type = MediaType.VIDEO;
                }
            } catch (MediaException e) {
                errors.add("media probe: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("probe failed for {}", received.sha256(), e);
                errors.add("media probe: " + e);
            }
        }
        String nameWarning = extensionMismatch(fileName, detected);
        if (nameWarning != null) {
            warnings.add(nameWarning);
        }

        Date now = new Date();
        Document doc = new Document(F.ID, new ObjectId())
                .append(F.TYPE, type.name())
                .append(F.STATUS, "INGESTED")
                .append(F.ORIGINAL, new Document("sha256", received.sha256()).append("size", received.size())
                        .append("fileName", displayName(fileName)).append("ext", detected.ext())
                        .append("format", detected.format()).append("mimeType", detected.mime()));
        Descriptive filled = d.orElse(fromEmbedded(fileName, media, photo));
        putDescriptive(doc, filled);
        if (d.captureDate() == null && filled.captureDate() != null) {
            doc.append("captureDateSource", photo != null ? "exif" : "container");
        }
        if (media != null) {
            doc.append(F.MEDIA, Json.toDocument(media));
        }
        if (photo != null) {
            doc.append(F.PHOTO, Json.toDocument(photo));
        }
        doc.append(F.METADATA_STATUS, !errors.isEmpty() ? "FAILED" : warnings.isEmpty() ? "OK" : "PARTIAL")
                .append(F.WARNINGS, warnings)
                .append(F.ERRORS, errors)
                .append(F.REVIEW, new Document("status", "PENDING"))
                .append(F.CREATED_AT, now)
                .append(F.CREATED_BY, new Document("name", user.name()).append("unit", user.unit()))
                .append(F.UPDATED_AT, now)
                .append(F.DELETED, false)
                .append(F.VERSION, 0L);
        doc.append(F.PROCESSING, AssetProcessing.plan(doc));
        doc.append(F.SEARCH_KEYS, searchKeys(doc));
        return doc;
    }

    /** Title, date, keywords and place that the file itself carries, used where the contributor gave none. */
    private static Descriptive fromEmbedded(String fileName, MediaInfo media, PhotoMetadata photo) {
        String title = null;
        String description = null;
        String date = null;
        String place = null;
        List<String> keywords = null;
        if (photo != null) {
            if (photo.xmp() != null) {
                title = photo.xmp().title();
                description = photo.xmp().description();
            }
            if (photo.iptc() != null) {
                title = title != null ? title : firstNonNull(photo.iptc().headline(), photo.iptc().objectName());
                description = description != null ? description : photo.iptc().caption();
                place = photo.iptc().city();
                keywords = photo.iptc().keywords().isEmpty() ? null : photo.iptc().keywords();
            }
            if (photo.exif() != null && photo.exif().dateTimeOriginal() != null) {
                date = photo.exif().dateTimeOriginal().substring(0, 10);
            }
        }
        if (media != null) {
            title = media.tags().get("title");
            description = firstNonNull(media.tags().get("description"), media.tags().get("comment"));
            if (media.creationTime() != null) {
                date = OffsetDateTime.parse(media.creationTime()).atZoneSameInstant(java.time.ZoneOffset.ofHours(8))
                        .toLocalDate().toString();
            }
        }
        if (title == null) {
            String n = displayName(fileName);
            int dot = n.lastIndexOf('.');
            title = dot > 0 ? n.substring(0, dot) : n;
        }
        return new Descriptive(title, description, null, null, date, place, keywords, null).normalized();
    }

    private static void putDescriptive(Document doc, Descriptive d) {
        putOrRemove(doc, F.TITLE, d.title());
        putOrRemove(doc, F.DESCRIPTION, d.description());
        putOrRemove(doc, F.CONTRIBUTOR_UNIT, d.contributorUnit());
        putOrRemove(doc, F.SOURCE, d.source());
        putOrRemove(doc, F.PLACE, d.place());
        putOrRemove(doc, F.RIGHTS, d.rights());
        doc.put(F.KEYWORDS, d.keywords() == null ? List.of() : d.keywords());
        putOrRemove(doc, F.CAPTURE_DATE, d.captureDate());
        if (d.captureDate() != null) {
            OffsetDateTime[] range = Descriptive.captureRange(d.captureDate());
            doc.put(F.CAPTURE_START, Date.from(range[0].toInstant()));
            doc.put(F.CAPTURE_END, Date.from(range[1].toInstant()));
        } else {
            doc.remove(F.CAPTURE_START);
            doc.remove(F.CAPTURE_END);
        }
    }

    private static void putOrRemove(Document doc, String field, Object value) {
        if (value == null) {
            doc.remove(field);
        } else {
            doc.put(field, value);
        }
    }

    private static List<String> searchKeys(Document doc) {
        List<String> texts = new ArrayList<>();
        for (String f : List.of(F.TITLE, F.DESCRIPTION, F.CONTRIBUTOR_UNIT, F.SOURCE, F.PLACE, F.RIGHTS)) {
            texts.add(doc.getString(f));
        }
        texts.addAll(doc.getList(F.KEYWORDS, String.class, List.of()));
        texts.add(doc.get(F.ORIGINAL, Document.class).getString("fileName"));
        Document photo = doc.get(F.PHOTO, Document.class);
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

    // ---- reading

    public Document get(String id, User user) {
        Document doc = repo.findById(objectId(id)).orElseThrow(() -> ApiException.notFound("asset", id));
        if (doc.getBoolean(F.DELETED, false) && user.role() != Role.ADMIN) {
            throw ApiException.notFound("asset", id);
        }
        return doc;
    }

    public record Page(List<Document> items, long total, int page, int size) {
    }

    public Page list(AssetQuery q, User user) {
        List<Bson> filters = new ArrayList<>();
        if (!(q.includeDeleted() && user.role() == Role.ADMIN)) {
            filters.add(ne(F.DELETED, true));
        }
        if (q.type() != null && !q.type().isBlank()) {
            filters.add(eq(F.TYPE, parseType(q.type()).name()));
        }
        if (q.unit() != null && !q.unit().isBlank()) {
            filters.add(eq(F.CONTRIBUTOR_UNIT, q.unit().strip()));
        }
        if (q.status() != null && !q.status().isBlank()) {
            filters.add(eq(F.STATUS, q.status().strip().toUpperCase(Locale.ROOT)));
        }
        if (q.keyword() != null && !q.keyword().isBlank()) {
            filters.add(eq(F.KEYWORDS, q.keyword().strip()));
        }
        if (q.from() != null && !q.from().isBlank()) {
            filters.add(gt(F.CAPTURE_END, Date.from(dateParam("from", q.from())[0].toInstant())));
        }
        if (q.to() != null && !q.to().isBlank()) {
            filters.add(lt(F.CAPTURE_START, Date.from(dateParam("to", q.to())[1].toInstant())));
        }
        if (q.q() != null && !q.q().isBlank()) {
            List<String> keys = SearchKeys.query(q.q());
            if (!keys.isEmpty()) {
                filters.add(all(F.SEARCH_KEYS, keys));
            }
        }
        int size = q.size() == null ? 50 : q.size();
        int page = q.page() == null ? 0 : q.page();
        if (size < 1 || size > 500) {
            throw ApiException.badRequest("size must be between 1 and 500");
        }
        if (page < 0 || (long) page * size > 1_000_000) {
            throw ApiException.badRequest("page must be between 0 and " + (1_000_000 / size));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return new Page(repo.find(filter, sort(q.sort()), page * size, size), repo.count(filter), page, size);
    }

    private static OffsetDateTime[] dateParam(String name, String value) {
        try {
            return Descriptive.captureRange(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " '" + value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    private static Bson sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sorts.descending(F.CREATED_AT);
        }
        String s = sort.strip();
        boolean desc = s.startsWith("-");
        if (desc) {
            s = s.substring(1);
        }
        if (s.contains(",")) {
            String[] p = s.split(",", 2);
            s = p[0].strip();
            desc = p[1].strip().equalsIgnoreCase("desc");
        }
        if (!SORTABLE.contains(s)) {
            throw ApiException.badRequest("cannot sort by '" + s + "'; use one of " + SORTABLE);
        }
        return desc ? Sorts.descending(s) : Sorts.ascending(s);
    }

    static MediaType parseType(String t) {
        try {
            return MediaType.valueOf(t.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("type must be VIDEO, AUDIO or PHOTO, not '" + t + "'");
        }
    }

    /** The stored original of an asset and the name to offer for download. */
    public record Original(Path path, String mimeType, String fileName, long size) {
    }

    public Original original(String id, User user) {
        Document doc = get(id, user);
        Document o = doc.get(F.ORIGINAL, Document.class);
        return new Original(store.original(o.getString("sha256"), o.getString("ext")), o.getString("mimeType"),
                o.getString("fileName"), o.get("size", Number.class).longValue());
    }

    // ---- processing

    /** Queues chosen steps again (all of the asset's steps when none are named). */
    public List<String> reprocess(String id, List<String> steps, User user) {
        Document asset = get(id, user);
        requireEditor(user, asset);
        List<JobType> chosen = new ArrayList<>();
        for (String s : steps == null ? List.<String>of() : steps) {
            chosen.add(JobType.ofStep(s));
        }
        return processing.reprocess(asset, chosen).stream().map(JobType::step).toList();
    }

    /** A derivative file of an asset, once its step is done. */
    public Path derivative(String id, String step, String name, User user) {
        Document asset = get(id, user);
        Document steps = asset.get(F.PROCESSING, Document.class) == null ? null
                : asset.get(F.PROCESSING, Document.class).get("steps", Document.class);
        Document st = steps == null ? null : steps.get(step, Document.class);
        if (st == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "asset " + id + " is a "
                    + asset.getString(F.TYPE).toLowerCase(Locale.ROOT) + " and has no " + step + " step");
        }
        if (!"DONE".equals(st.getString("status"))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not ready", "the " + step + " of asset " + id + " is "
                    + st.getString("status") + (st.getString("error") != null ? ": " + st.getString("error") : ""))
                    .with("step", step).with("stepStatus", st.getString("status"));
        }
        return store.derivative(id, name);
    }

    // ---- changing

    /** JSON merge patch of the descriptive fields; null removes a field. Optimistic: a concurrent edit gets 409. */
    public Document patch(String id, Map<String, Object> patch, User user) {
        if (patch == null || patch.isEmpty()) {
            throw ApiException.badRequest("the patch is empty");
        }
        for (String k : patch.keySet()) {
            if (!PATCHABLE.contains(k)) {
                throw ApiException.badRequest("'" + k + "' cannot be changed here; descriptive fields are " + PATCHABLE);
            }
        }
        Document current = get(id, user);
        requireEditor(user, current);
        if (patch.containsKey("contributorUnit") && !user.role().isOffice()) {
            throw ApiException.forbidden("only the gazetteer office may move an asset to another unit");
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String f : PATCHABLE) {
            merged.put(f, current.get(f));
        }
        merged.putAll(patch);
        Descriptive d;
        try {
            d = Json.MAPPER.convertValue(merged, Descriptive.class).normalized();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("fields have the wrong type: title, description, contributorUnit, source, "
                    + "captureDate, place and rights are strings; keywords is a list of strings");
        }
        Document updated = AssetRepository.deepCopy(current);
        putDescriptive(updated, d);
        if (patch.containsKey("captureDate")) {
            updated.remove("captureDateSource");
        }
        updated.put(F.UPDATED_AT, new Date());
        updated.put(F.UPDATED_BY, new Document("name", user.name()).append("unit", user.unit()));
        updated.put(F.SEARCH_KEYS, searchKeys(updated));
        return repo.update(current, updated).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Conflict",
                "asset " + id + " was changed by someone else meanwhile; reload and try again"));
    }

    public Document delete(String id, User user) {
        Document current = get(id, user);
        requireEditor(user, current);
        if (user.role() == Role.REVIEWER) {
            throw ApiException.forbidden("reviewers cannot delete assets");
        }
        if (current.getBoolean(F.DELETED, false)) {
            return current;
        }
        Document updated = AssetRepository.deepCopy(current);
        updated.put(F.DELETED, true);
        updated.put(F.DELETED_AT, new Date());
        updated.put(F.DELETED_BY, new Document("name", user.name()).append("unit", user.unit()));
        return repo.update(current, updated).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Conflict",
                "asset " + id + " was changed by someone else meanwhile; try again"));
    }

    public Document restore(String id, User user) {
        if (user.role() != Role.ADMIN) {
            throw ApiException.forbidden("only administrators restore deleted assets");
        }
        Document current = get(id, user);
        Document updated = AssetRepository.deepCopy(current);
        updated.put(F.DELETED, false);
        updated.remove(F.DELETED_AT);
        updated.remove(F.DELETED_BY);
        updated.put(F.UPDATED_AT, new Date());
        return repo.update(current, updated).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Conflict",
                "asset " + id + " was changed by someone else meanwhile; try again"));
    }


    private static void requireContributor(User user, String unit) {
        if (!user.role().canContribute()) {
            throw ApiException.forbidden("role " + user.role() + " cannot upload media");
        }
        if (user.role() != Role.ADMIN && !user.unit().equals(unit)) {
            if (unit == null) {
                throw ApiException.forbidden("your account has no unit; ask an administrator to set one");
            }
            throw ApiException.forbidden("you can upload media for your own unit (" + user.unit() + ") only, not for "
                    + unit);
        }
    }

    private static void requireEditor(User user, Document asset) {
        if (user.role().isOffice()) {
            return;
        }
        if (user.role() == Role.CONTRIBUTOR && user.unit().equals(asset.getString(F.CONTRIBUTOR_UNIT))) {
            return;
        }
        throw ApiException.forbidden("you can change media of your own unit only");
    }

    static ObjectId objectId(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.notFound("asset", String.valueOf(id));
        }
        return new ObjectId(id);
    }

    /** The name a person gave the file, for display only: no directories, no control characters. */
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
        return n.length() > 255 ? n.substring(0, 255) : n;
    }

    private static String extensionMismatch(String fileName, ContentSniffer.Detected detected) {
        String n = displayName(fileName).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = n.substring(dot + 1);
        Map<String, Set<String>> family = Map.of(
                "jpeg", Set.of("jpg", "jpeg", "jpe"), "mov", Set.of("mov", "qt", "mp4", "m4v"),
                "mp4", Set.of("mp4", "m4v", "mov", "mp4v"), "tiff", Set.of("tif", "tiff", "dng", "nef", "cr2", "arw"),
                "mpegts", Set.of("ts", "mts", "m2ts", "m2t"), "mpegps", Set.of("mpg", "mpeg", "vob", "m2p"),
                "matroska", Set.of("mkv", "mka"), "wav", Set.of("wav", "bwf", "wave"), "heif", Set.of("heic", "heif"));
        Set<String> ok = family.getOrDefault(detected.format(), Set.of(detected.ext()));
        if (ok.contains(ext)) {
            return null;
        }
        return "file name ends in ." + ext + " but the content is " + detected.format();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
