package org.yingzhi.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.audit.Probe;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.ProbeMapper;
import org.yingzhi.metadata.PhotoMetadata;
import org.yingzhi.metadata.PhotoMetadataReader;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.time.CatalogTime;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.MediaStore;

/**
 * Takes files in (uploads and folder imports alike): stores them by content, reads their technical and embedded
 * metadata, catalogs them and queues their processing. The same bytes twice give the existing asset.
 */
@Service
public class AssetIngestService {

    private static final Logger log = LoggerFactory.getLogger(AssetIngestService.class);

    private final AssetRepository repo;
    private final MediaStore store;
    private final MediaToolkit toolkit;
    private final PhotoMetadataReader photos;
    private final UploadProperties limits;
    private final AssetProcessing processing;
    private final AccessPolicy policy;
    private final AssetEditService edits;

    private final org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units;

    private final org.yingzhi.shared.audit.AuditLog audit;

    public AssetIngestService(AssetRepository repo, MediaStore store, MediaToolkit toolkit, PhotoMetadataReader photos,
            UploadProperties limits, AssetProcessing processing, AccessPolicy policy, AssetEditService edits,
            org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units,
            org.yingzhi.shared.audit.AuditLog audit) {
        this.units = units;
        this.audit = audit;
        this.edits = edits;
        this.repo = repo;
        this.store = store;
        this.toolkit = toolkit;
        this.photos = photos;
        this.limits = limits;
        this.processing = processing;
        this.policy = policy;
    }

    /**
     * Stores and catalogs one file. Unrecognised content is refused (415) and nothing is kept; a recognised file
     * whose metadata cannot be read is still stored and cataloged, with the errors on the asset.
     */
    public IngestResult ingest(InputStream in, String fileName, AssetDescription given, User user) throws IOException {
        AssetDescription d = checkContribution(given, user);
        return ingestReceived(receive(in), fileName, d, user);
    }

    /** Takes the bytes into the store's temporary area, hashing them; over the size limit is a 413. */
    private MediaStore.Received receive(InputStream in) throws IOException {
        try {
            return store.receive(in, limits.maxFileSize().toBytes());
        } catch (MediaStore.TooLargeException e) {
            throw ApiException.coded(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "upload.overLimit");
        }
    }

    /**
     * What the received bytes are: by their signature (refined by the name), else by what FFmpeg decodes; an empty
     * file or one nothing recognises is refused (415).
     */
    private ContentSniffer.Detected detect(MediaStore.Received received, String fileName) {
        if (received.size() == 0) {
            throw ApiException.coded(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a media file", "notMedia.empty")
                    .with("fileName", AssetDocuments.displayName(fileName));
        }
        return ContentSniffer.detect(received.head(), received.size())
                .map(found -> ContentSniffer.refineByName(found, AssetDocuments.displayName(fileName)))
                .orElseGet(() -> askTheDecoders(received, fileName));
    }

    /** The audit change of a new asset's upload (its id chosen before the insert, so a swept record names it). */
    private static Change uploadChange(Document doc, String fileName, String sha256, long size, AssetDescription d) {
        return Change.of(AuditActions.ASSET_UPLOAD, "asset", doc.getObjectId(AssetFields.ID).toHexString())
                .unit(d.contributorUnit()).with("fileName", AssetDocuments.displayName(fileName))
                .with("sha256", sha256).with("size", size).with("title", d.title());
    }

    /** Whether a new asset's insert happened: its document is in the catalog. */
    private static Probe inserted(Document doc) {
        return Probe.exists(AssetRepository.COLLECTION, new Document(AssetFields.ID, doc.get(AssetFields.ID)));
    }

    /**
     * What is checked before any byte is taken: the description (normalized, with the unit list's name for the
     * unit given or the uploader's) and whether the user may contribute for that unit. Returns the description to
     * catalog with.
     */
    public AssetDescription checkContribution(AssetDescription given, User user) {
        AssetDescription d = (given == null ? AssetDescription.empty() : given).normalized();
        String unit = units.getIfAvailable(() -> org.yingzhi.security.UnitNames.AS_GIVEN)
                .canonical(d.contributorUnit() != null ? d.contributorUnit() : blankToNull(user.unit()));
        d = d.withUnit(unit);
        policy.check(user, Action.CONTRIBUTE, Resource.of(AssetDocuments.KIND, unit));
        return d;
    }

    /**
     * Catalogs a file that has arrived whole and been hashed on the way (a plain upload, or the last chunk of a
     * resumable one), with a description from {@link #checkContribution}: detection, dedup, metadata, jobs. The
     * received file is moved into the store or discarded.
     */
    public IngestResult ingestReceived(MediaStore.Received received, String fileName, AssetDescription d, User user)
            throws IOException {
        try {
            ContentSniffer.Detected detected = detect(received, fileName);
            Optional<Asset> existing = repo.findBySha256(received.sha256());
            if (existing.isPresent()) {
                return existing.get().deleted() ? uploadOfDeleted(existing.get(), user)
                        : IngestResult.existing(contributedAgain(existing.get(), fileName, d, user));
            }
            Path original = store.commitOriginal(received, detected.ext());
            Optional<Asset> inserted;
            try {
                Document doc = catalog(original, received, detected, fileName, d, user);
                inserted = audit.write(uploadChange(doc, fileName, received.sha256(), received.size(), d), inserted(doc),
                        () -> Optional.of(repo.insert(doc).orElseThrow(LostRace::new)), (c, r) -> c.target(r.get().id()));
            } catch (LostRace race) {
                inserted = Optional.empty();
            } catch (RuntimeException e) {
                // not cataloged: the stored original would be an orphan unless another asset holds the same bytes
                forgetOriginal(received.sha256(), detected.ext());
                throw e;
            }
            if (inserted.isPresent()) {
                recordQuickprint(original, inserted.get());
                // a crash right here leaves the asset INGESTED with its steps planned; the recovery queues them
                processing.enqueuePlanned(inserted.get());
                log.info("ingested {} {} as {} ({} bytes)", inserted.get().type(), AssetDocuments.displayName(fileName),
                        inserted.get().id(), received.size());
                return IngestResult.created(inserted.get());
            }
            // lost a race with an identical upload: that one holds the original now
            org.yingzhi.shared.audit.AuditLog.unchanged();
            return IngestResult.existing(repo.findBySha256(received.sha256()).orElseThrow());
        } finally {
            store.discard(received);
        }
    }

    /**
     * A file of a folder import, received, recognised, stored in the media store (content-addressed: bytes held
     * already are not stored twice) and described, but not cataloged yet: {@link #catalogAll} catalogs a batch of
     * them with a few writes.
     */
    public static final class Prepared {
        private final String fileName;
        private final AssetDescription description;
        private final String sha256;
        private final long size;
        private final String ext;
        private final Document doc;
        private final Quickprint quickprint;
        private final User user;
        private final Asset asset;
        /** The asset found holding these bytes before the file was read (then there is no document). */
        private final Asset held;

        private Prepared(String fileName, AssetDescription description, String sha256, long size, String ext,
                Document doc, Quickprint quickprint, User user, Asset held) {
            this.asset = doc == null ? null : AssetMapper.toAsset(doc);
            this.held = held;
            this.fileName = fileName;
            this.description = description;
            this.sha256 = sha256;
            this.size = size;
            this.ext = ext;
            this.doc = doc;
            this.quickprint = quickprint;
            this.user = user;
        }
    }

    /** One file's outcome in a batch: its result, or why it was not cataloged. */
    public record Cataloged(IngestResult result, RuntimeException error) {
    }

    /**
     * The first half of {@link #ingest} for a folder import: everything up to the catalog write (checks, storing,
     * detection, metadata, the asset's document), done on the import's threads side by side. The original is in
     * the media store when this returns; it is removed again if its batch cannot be cataloged. With {@code askFirst}
     * the catalog is asked whether it holds the bytes before the file is stored and read (a folder imported again:
     * most files are duplicates, and reading their metadata would be wasted).
     */
    public Prepared prepare(InputStream in, String fileName, AssetDescription given, User user, boolean askFirst)
            throws IOException {
        AssetDescription d = checkContribution(given, user);
        MediaStore.Received received = receive(in);
        try {
            ContentSniffer.Detected detected = detect(received, fileName);
            if (askFirst) {
                Optional<Asset> existing = repo.findBySha256(received.sha256());
                if (existing.isPresent()) {
                    return new Prepared(fileName, d, received.sha256(), received.size(), detected.ext(), null, null,
                            user, existing.get());
                }
            }
            // otherwise whether the catalog holds these bytes is asked for the whole batch at once (catalogAll)
            Path original = store.commitOriginal(received, detected.ext());
            try {
                Document doc = catalog(original, received, detected, fileName, d, user);
                repo.validate(doc);
                return new Prepared(fileName, d, received.sha256(), received.size(), detected.ext(), doc,
                        quickprint(original, fileName), user, null);
            } catch (RuntimeException e) {
                forgetOriginal(received.sha256(), detected.ext());
                throw e;
            }
        } finally {
            store.discard(received);
        }
    }

    /** A stored original that no asset holds (its cataloging failed) is removed again. */
    private void forgetOriginal(String sha256, String ext) {
        if (repo.findBySha256(sha256).isEmpty()) {
            store.deleteOriginal(sha256, ext);
        }
    }

    /**
     * Catalogs prepared files as one batch: the assets with one insert, their audit records with one append, their
     * quickprints and jobs with one write each, and their search entries at once. Each acknowledged file is
     * committed, recorded and searchable when this returns, as {@link #ingest} leaves one. A file whose bytes
     * another asset took meanwhile (also an earlier copy in the same batch) gives that asset, as a duplicate.
     */
    public List<Cataloged> catalogAll(List<Prepared> batch) {
        Cataloged[] out = new Cataloged[batch.size()];
        List<Integer> todo = new ArrayList<>();
        java.util.Map<String, Asset> held = repo.findBySha256s(batch.stream().filter(p -> p.held == null).map(p -> p.sha256).toList());
        for (int i = 0; i < batch.size(); i++) {
            Asset existing = batch.get(i).held != null ? batch.get(i).held : held.get(batch.get(i).sha256);
            if (existing != null) {
                out[i] = heldAlready(existing, batch.get(i));
            } else {
                todo.add(i);
            }
        }
        if (todo.isEmpty()) {
            return List.of(out);
        }
        List<Change> changes = new ArrayList<>(todo.size());
        List<Probe> probes = new ArrayList<>(todo.size());
        List<Document> docs = new ArrayList<>(todo.size());
        List<Asset> models = new ArrayList<>(todo.size());
        for (int i : todo) {
            Prepared p = batch.get(i);
            docs.add(p.doc);
            models.add(p.asset);
            changes.add(uploadChange(p.doc, p.fileName, p.sha256, p.size, p.description));
            probes.add(inserted(p.doc));
        }
        List<Asset> inserted;
        try {
            inserted = audit.writeAll(changes, probes,
                    () -> repo.insertAll(docs, models).stream().map(o -> o.orElse(null)).toList(), (c, a) -> c.target(a.id()));
        } catch (RuntimeException e) {
            // some of the batch may be in (the audit recorded those): the rest is not cataloged
            List<Asset> found = new ArrayList<>();
            for (int i : todo) {
                Prepared p = batch.get(i);
                Optional<Asset> in = repo.findById(p.doc.getObjectId(AssetFields.ID));
                if (in.isPresent()) {
                    found.add(in.get());
                    out[i] = new Cataloged(IngestResult.created(in.get()), null);
                } else {
                    forgetOriginal(p.sha256, p.ext);
                    out[i] = new Cataloged(null, e);
                }
            }
            log.warn("a batch of {} files could not be cataloged ({}); {} of them are in", todo.size(), e.toString(), found.size());
            // those that went in have their steps planned: the recovery queues them if this fails too
            processing.enqueuePlannedAll(found);
            return List.of(out);
        }
        List<Asset> created = new ArrayList<>();
        List<Quickprint> prints = new ArrayList<>();
        List<ObjectId> printed = new ArrayList<>();
        for (int k = 0; k < todo.size(); k++) {
            int i = todo.get(k);
            Prepared p = batch.get(i);
            Asset a = inserted.get(k);
            if (a == null) {
                // an identical file was cataloged first (another import, an upload, or this batch): that one holds it
                out[i] = heldAlready(repo.findBySha256(p.sha256).orElseThrow(), p);
                continue;
            }
            created.add(a);
            if (p.quickprint != null) {
                prints.add(p.quickprint);
                printed.add(new ObjectId(a.id()));
            }
            out[i] = new Cataloged(IngestResult.created(a), null);
            log.info("ingested {} {} as {} ({} bytes)", a.type(), AssetDocuments.displayName(p.fileName), a.id(), p.size);
        }
        try {
            repo.recordQuickprints(prints, printed);
        } catch (RuntimeException e) {
            // only the page's pre-check misses them; the SHA-256 still finds duplicates
            log.warn("no quickprints for a batch of {}: {}", prints.size(), e.toString());
        }
        // a crash right here leaves the assets INGESTED with their steps planned; the recovery queues them
        processing.enqueuePlannedAll(created);
        return List.of(out);
    }

    /** A prepared file whose bytes an asset holds already: as {@link #ingestReceived} answers a duplicate upload. */
    private Cataloged heldAlready(Asset existing, Prepared p) {
        try {
            return new Cataloged(existing.deleted() ? uploadOfDeleted(existing, p.user)
                    : IngestResult.existing(contributedAgain(existing, p.fileName, p.description, p.user)), null);
        } catch (RuntimeException e) {
            return new Cataloged(null, e);
        }
    }

    /**
     * A file no signature describes is media only when FFmpeg finds a real video or audio stream in it, through a
     * demuxer that reads media (not text, playlists or lists of other files), and decodes its first frame.
     * Anything else is refused with what the bytes look like and what the decoders said.
     */
    /** An identical upload was cataloged first: nothing was written. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }

    private ContentSniffer.Detected askTheDecoders(MediaStore.Received received, String fileName) {
        String looks = ContentSniffer.describe(received.head());
        if (ContentSniffer.knownNotMedia(received.head()) != null) {
            throw notMedia(looks, fileName); // a format known and refused, with its own reason
        }
        RawProbe probe;
        try {
            probe = toolkit.probe(received.path());
        } catch (MediaException e) {
            throw notMedia(looks, fileName);
        }
        boolean video = probe.streams().stream().anyMatch(st -> st.type().equals("video") && st.width() > 0);
        boolean audio = probe.streams().stream().anyMatch(st -> st.type().equals("audio") && st.channels() > 0);
        List<RawProbe.Stream> pictures = probe.streams().stream().filter(st -> st.type().equals("video")).toList();
        boolean still = pictures.size() == 1 && ContentSniffer.STILL_CODECS.contains(pictures.get(0).codec())
                && pictures.get(0).frames() <= 1;
        Optional<ContentSniffer.Detected> d = ContentSniffer.fromDemuxer(probe.formatName(), video, audio, still);
        if (d.isEmpty()) {
            throw notMedia(looks, fileName);
        }
        if (!toolkit.decodesFirstFrame(received.path())) {
            throw ApiException.coded(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a media file", "notMedia.undecodable",
                    looks, d.get().format()).with("fileName", AssetDocuments.displayName(fileName));
        }
        log.info("no signature for {}; FFmpeg decodes it as {}", AssetDocuments.displayName(fileName), d.get().format());
        return d.get();
    }

    private static ApiException notMedia(String why, String fileName) {
        ContentSniffer.Looks looks = ContentSniffer.looks(why);
        return ApiException.coded(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a media file", looks.code(), looks.args())
                .with("fileName", AssetDocuments.displayName(fileName));
    }

    /**
     * The same bytes as an asset that was deleted. One file is one asset, so it is not cataloged twice: whoever may
     * restore the deleted asset (an administrator, or a contributor of its unit) gets it back, restored, and the
     * answer says so; anyone else is refused with nothing of the deleted asset revealed (not its id, title or unit).
     */
    private IngestResult uploadOfDeleted(Asset deleted, User user) {
        if (!policy.allows(user, Action.RESTORE, AssetDocuments.resource(deleted))) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Withdrawn file", "upload.withdrawn");
        }
        Asset restored = edits.restore(deleted.id(), user);
        log.info("upload of the bytes of deleted asset {} by {}: restored", deleted.id(), user.name());
        return new IngestResult(restored, true, true);
    }

    private void recordQuickprint(Path file, Asset a) {
        Quickprint q = quickprint(file, a.original().fileName());
        if (q == null) {
            return;
        }
        try {
            repo.recordQuickprint(q, new ObjectId(a.id()));
        } catch (RuntimeException e) {
            log.warn("no quickprint for {}: {}", a.id(), e.toString());
        }
    }

    /** A stored original's quickprint, or null (only the page's pre-check misses it; the SHA-256 still finds duplicates). */
    private static Quickprint quickprint(Path file, String fileName) {
        try {
            return Quickprint.of(file);
        } catch (IOException | RuntimeException e) {
            log.warn("no quickprint for {}: {}", AssetDocuments.displayName(fileName), e.toString());
            return null;
        }
    }

    /**
     * What the catalog probably holds already, asked before a file is sent: for each quickprint the asset the user
     * may see that has it, or null. Deleted assets are not revealed.
     */
    public List<Asset> likelyHeld(List<Quickprint> prints, User user) {
        List<Asset> out = new ArrayList<>();
        for (Quickprint q : prints) {
            Asset found = null;
            for (ObjectId id : repo.byQuickprint(q)) {
                Asset a = repo.findById(id).orElse(null);
                if (a != null && !a.deleted() && a.original().size() == q.size()
                        && policy.allows(user, Action.VIEW, AssetDocuments.resource(a))) {
                    found = a;
                    break;
                }
            }
            out.add(found);
        }
        return out;
    }

    /**
     * The same bytes from another unit: no second copy, but the asset records that this unit holds it too, with its
     * description (once per unit; the first contributor's description stays the asset's).
     */
    private Asset contributedAgain(Asset a, String fileName, AssetDescription d, User user) {
        String unit = d.contributorUnit();
        if (unit == null || unit.equals(a.contributorUnit())
                || a.contributions().stream().anyMatch(c -> unit.equals(c.unit()))) {
            org.yingzhi.shared.audit.AuditLog.unchanged();
            return a;
        }
        Document c = new Document("unit", unit).append("by", AssetDocuments.actor(user)).append("at", new Date())
                .append("fileName", AssetDocuments.displayName(fileName));
        AssetDocuments.putOrRemove(c, "batch", d.batch());
        AssetDocuments.putOrRemove(c, "title", d.title());
        AssetDocuments.putOrRemove(c, "captureDate", d.captureDate());
        AssetDocuments.putOrRemove(c, "place", d.place());
        log.info("asset {} is held by {} too", a.id(), unit);
        return audit.write(Change.of(AuditActions.ASSET_UPLOAD, "asset", a.id()).unit(unit)
                .with("fileName", AssetDocuments.displayName(fileName)).with("sha256", a.original() == null ? null : a.original().sha256())
                .with("contribution", "the same bytes from another unit"),
                Probe.exists(AssetRepository.COLLECTION, new Document("_id", new ObjectId(a.id())).append("contributions.unit", unit)),
                () -> repo.addContribution(new ObjectId(a.id()), c).orElse(a));
    }

    private Document catalog(Path original, MediaStore.Received received, ContentSniffer.Detected detected,
            String fileName, AssetDescription d, User user) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        AssetType type = detected.type();
        MediaInfo media = null;
        PhotoMetadata photo = null;
        if (type == AssetType.PHOTO) {
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
                if (type == AssetType.VIDEO && !media.hasVideo() && media.hasAudio()) {
                    type = AssetType.AUDIO;
                } else if (type == AssetType.AUDIO && media.hasVideo()) {
                    type = AssetType.VIDEO;
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
        // the id is chosen here, before the insert: the audit's probe and record name it
        Document doc = new Document(AssetFields.ID, new ObjectId())
                .append(AssetFields.TYPE, type.name())
                .append(AssetFields.STATUS, AssetStatus.INGESTED.name())
                .append(AssetFields.ORIGINAL, new Document("sha256", received.sha256()).append("size", received.size())
                        .append("fileName", AssetDocuments.displayName(fileName)).append("ext", detected.ext())
                        .append("format", detected.format()).append("mimeType", detected.mime()));
        AssetDescription own = fromEmbedded(media, photo);
        AssetDescription filled = d.over(own);
        if (filled.title() == null) {
            filled = filled.orElse(new AssetDescription(stem(fileName), null, null, null, null, null, null, null, null, null));
        }
        AssetDocuments.putDescription(doc, filled);
        AssetDocuments.putOrRemove(doc, AssetFields.BATCH, filled.batch());
        if (own.captureDate() != null && own.captureDate().equals(filled.captureDate())) {
            doc.append(AssetFields.CAPTURE_DATE_SOURCE, photo != null && photo.mwg() != null && photo.mwg().dateSource() != null
                    ? photo.mwg().dateSource() : "container");
        }
        Document replaced = replacedByContributor(own, filled);
        if (!replaced.isEmpty()) {
            doc.append(AssetFields.FILE_OWN, replaced);
        }
        if (media != null) {
            doc.append(AssetFields.MEDIA, Json.toDocument(media));
        }
        if (photo != null) {
            doc.append(AssetFields.PHOTO, Json.toDocument(photo));
        }
        MetadataStatus status = !errors.isEmpty() ? MetadataStatus.FAILED
                : warnings.isEmpty() ? MetadataStatus.OK : MetadataStatus.PARTIAL;
        doc.append(AssetFields.METADATA_STATUS, status.name())
                .append(AssetFields.WARNINGS, warnings)
                .append(AssetFields.ERRORS, errors)
                .append(AssetFields.REVIEW, new Document("status", ReviewStatus.PENDING.name()))
                .append(AssetFields.CREATED_AT, now)
                .append(AssetFields.CREATED_BY, AssetDocuments.actor(user))
                .append(AssetFields.UPDATED_AT, now)
                .append(AssetFields.DELETED, false)
                .append(AssetFields.VERSION, 0L);
        doc.append(AssetFields.PROCESSING, AssetProcessing.plan(PipelinePlan.stepsFor(type, media)));
        doc.append(AssetFields.SEARCH_KEYS, AssetDocuments.searchKeys(doc));
        return doc;
    }

    /** What the file records that the contributor's description replaced (only with override). */
    private static Document replacedByContributor(AssetDescription own, AssetDescription filled) {
        Document d = new Document();
        java.util.function.BiConsumer<String, String[]> put = (k, v) -> {
            if (v[0] != null && !v[0].equals(v[1])) {
                d.append(k, v[0]);
            }
        };
        put.accept("title", new String[] {own.title(), filled.title()});
        put.accept("description", new String[] {own.description(), filled.description()});
        put.accept("captureDate", new String[] {own.captureDate(), filled.captureDate()});
        put.accept("place", new String[] {own.place(), filled.place()});
        put.accept("rights", new String[] {own.rights(), filled.rights()});
        return d;
    }

    private static String stem(String fileName) {
        String n = AssetDocuments.displayName(fileName);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * Title, description, date, keywords, place and rights that the file itself records. A photo with a caption
     * but no title (IPTC Caption-Abstract alone, as most newsroom and archive software writes) takes the caption's
     * first line as its title.
     */
    static AssetDescription fromEmbedded(MediaInfo media, PhotoMetadata photo) {
        String title = null;
        String description = null;
        String date = null;
        String place = null;
        List<String> keywords = null;
        String rights = null;
        if (photo != null && photo.mwg() != null) {
            // reconciled across EXIF, IPTC and XMP as the MWG guidelines read them
            PhotoMetadata.Mwg m = photo.mwg();
            title = firstNonNull(m.title(), photo.iptc() == null ? null : photo.iptc().headline());
            description = m.description();
            keywords = m.keywords().isEmpty() ? null : m.keywords();
            rights = m.rights();
            date = AssetDescription.embeddedDate(m.dateTimeOriginal());
        }
        if (photo != null && photo.mwg() != null) {
            place = photo.mwg().city(); // XMP's city before IPTC's, unless the IPTC was edited after it
        }
        if (media != null) {
            title = media.tags().get("title");
            description = firstNonNull(media.tags().get("description"), media.tags().get("comment"));
            rights = media.tags().get("copyright");
            // the recorder's own date (a DV tape's, AVCHD's, a BWF's) first; a local one is the day it states
            String recorded = media.recording() == null ? null : AssetDescription.embeddedDate(media.recording().dateTime());
            if (recorded != null) {
                date = recorded.length() > 10
                        ? OffsetDateTime.parse(recorded).atZoneSameInstant(CatalogTime.ZONE).toLocalDate().toString()
                        : recorded;
            } else if (media.creationTime() != null) {
                date = OffsetDateTime.parse(media.creationTime()).atZoneSameInstant(CatalogTime.ZONE).toLocalDate().toString();
            }
        }
        if (photo != null && title == null && description != null) {
            String line = description.strip().lines().findFirst().orElse("").strip();
            title = line.codePointCount(0, line.length()) <= 120 ? line
                    : line.substring(0, line.offsetByCodePoints(0, 119)) + "…";
        }
        return new AssetDescription(blankToNull(title), blankToNull(description), null, null, date, place, keywords,
                rights, null, null).normalized();
    }

    private static String extensionMismatch(String fileName, ContentSniffer.Detected detected) {
        String n = AssetDocuments.displayName(fileName).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = n.substring(dot + 1);
        Map<String, Set<String>> family = Map.ofEntries(
                Map.entry("jpeg", Set.of("jpg", "jpeg", "jpe")), Map.entry("mov", Set.of("mov", "qt", "mp4", "m4v")),
                Map.entry("mp4", Set.of("mp4", "m4v", "mov", "mp4v")),
                Map.entry("tiff", Set.of("tif", "tiff", "dng", "nef", "nrw", "arw", "srf", "sr2", "pef", "3fr", "erf",
                        "kdc", "dcr", "mos", "iiq", "rwl", "srw")),
                Map.entry("bigtiff", Set.of("tif", "tiff", "btf", "tf8")),
                Map.entry("mpegts", Set.of("ts", "mts", "m2ts", "m2t", "trp")), Map.entry("m2ts", Set.of("m2ts", "mts", "m2t")),
                Map.entry("mpegps", Set.of("mpg", "mpeg", "vob", "m2p", "mod", "vro")),
                Map.entry("matroska", Set.of("mkv", "mka")), Map.entry("wav", Set.of("wav", "bwf", "wave")),
                Map.entry("heif", Set.of("heic", "heif", "hif")), Map.entry("asf", Set.of("asf", "wmv", "wma")),
                Map.entry("rm", Set.of("rm", "ra", "rmvb", "ram", "rv")), Map.entry("aiff", Set.of("aif", "aiff", "aifc")),
                Map.entry("jp2", Set.of("jp2", "jpf", "jpx")), Map.entry("j2k", Set.of("j2k", "j2c", "jpc")),
                Map.entry("3gp", Set.of("3gp", "3g2")), Map.entry("dv", Set.of("dv", "dif", "avi")));
        Set<String> ok = family.getOrDefault(detected.format(), Set.of(detected.ext()));
        if (ok.contains(ext)) {
            return null;
        }
        return org.yingzhi.shared.i18n.Texts.en("reason.ingest.extension", ext, detected.format());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
