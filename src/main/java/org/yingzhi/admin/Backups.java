package org.yingzhi.admin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.mongo.CatalogBackup;
import org.yingzhi.storage.MediaStore;

/**
 * The catalog's backups as the office sees them: where they go ({@code yingzhi.backup.dir}, by default
 * {@code backups/} in the data directory), the last ones with their manifests and sizes, taking one, and what is
 * wrong with them: the newest older than {@code yingzhi.backup.max-age} (default 7 days), none at all, or all of
 * them on the same disk as the catalog (a failed disk would take both).
 */
@Service
class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final CatalogBackup backup;
    private final MediaStore store;
    private final AccessPolicy policy;
    private final Path dir;
    private final Duration maxAge;

    private final org.yingzhi.shared.audit.AuditLog audit;

    Backups(CatalogBackup backup, MediaStore store, AccessPolicy policy,
            @Value("${yingzhi.backup.dir:}") String dir, @Value("${yingzhi.backup.max-age:7d}") Duration maxAge,
            org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.backup = backup;
        this.store = store;
        this.policy = policy;
        this.dir = dir == null || dir.isBlank() ? store.root().resolve("backups") : Path.of(dir);
        this.maxAge = maxAge;
    }

    /** One backup folder: its name, manifest (null when unreadable), size on disk. */
    record Listed(String name, CatalogBackup.Manifest manifest, long bytes) {
    }

    /** What the page shows: the folder, the backups newest first, and the warnings (message codes). */
    record Overview(String dir, List<Listed> backups, List<String> warnings, Duration maxAge) {
    }

    Overview overview(User user) throws IOException {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        List<Listed> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "catalog-*")) {
                for (Path p : ds) {
                    out.add(new Listed(p.getFileName().toString(), manifest(p), size(p)));
                }
            }
        }
        out.sort(Comparator.comparing(Listed::name).reversed());
        List<String> warnings = new ArrayList<>();
        Instant newest = out.stream().map(Listed::manifest).filter(m -> m != null && m.createdAt() != null)
                .map(CatalogBackup.Manifest::createdAt).max(Comparator.naturalOrder()).orElse(null);
        if (newest == null) {
            warnings.add("backup.none");
        } else if (newest.isBefore(Instant.now().minus(maxAge))) {
            warnings.add("backup.old");
        }
        if (sameDisk()) {
            warnings.add("backup.sameDisk");
        }
        return new Overview(dir.toString(), out.size() > 20 ? out.subList(0, 20) : out, warnings, maxAge);
    }

    /** Takes a backup now; returns its folder's name. */
    String take(User user) throws IOException {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        String name = "catalog-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        CatalogBackup.Manifest m = backup.backup(dir.resolve(name));
        audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.BACKUP, "backup", name)
                .with("collections", m.collections().size())
                .with("auditHead", m.auditHead() == null ? null : m.auditHead().seq() + " " + m.auditHead().hash()));
        return name;
    }

    Path dir() {
        return dir;
    }

    private boolean sameDisk() {
        try {
            Path probe = Files.isDirectory(dir) ? dir : dir.getParent();
            return probe != null && Files.exists(probe)
                    && Files.getFileStore(probe).equals(Files.getFileStore(store.root()));
        } catch (IOException e) {
            return false;
        }
    }

    private static CatalogBackup.Manifest manifest(Path p) {
        try {
            return Json.MAPPER.readValue(Files.readString(p.resolve("manifest.json")), CatalogBackup.Manifest.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long size(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
