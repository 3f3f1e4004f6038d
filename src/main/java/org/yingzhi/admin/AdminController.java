package org.yingzhi.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.search.SearchService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.User;
import org.yingzhi.shared.mongo.CatalogBackup;
import org.yingzhi.storage.MediaStore;

/** Operations for administrators of the installation. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Backups of the catalog, the search index")
class AdminController {

    private final CatalogBackup backup;
    private final MediaStore store;
    private final AccessPolicy policy;
    private final SearchService search;

    private final org.yingzhi.asset.StoreReconciliation reconciliation;

    private final Backups backups;

    AdminController(CatalogBackup backup, MediaStore store, AccessPolicy policy, SearchService search,
            org.yingzhi.asset.StoreReconciliation reconciliation, Backups backups) {
        this.backups = backups;
        this.reconciliation = reconciliation;
        this.backup = backup;
        this.store = store;
        this.policy = policy;
        this.search = search;
    }

    /** Where a backup was written, relative to the data directory, and what it holds. */
    record BackupResult(String path, CatalogBackup.Manifest manifest) {
    }

    /** The media store: free space, and the last reconciliation (null before the first, a minute after start). */
    record StorageStatus(long usableBytes, org.yingzhi.asset.StoreReconciliation.Report lastReconciliation) {
    }

    @Operation(summary = "Free space and the last reconciliation of the media store",
            description = "The reconciliation runs every 10 minutes: temp files of dead uploads removed, originals "
                    + "that no asset holds moved to orphans/ under the data directory (never deleted).")
    @org.springframework.web.bind.annotation.GetMapping("/storage")
    StorageStatus storage(User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        return new StorageStatus(store.usableSpace(), reconciliation.last());
    }

    @Operation(summary = "Reconcile the media store with the catalog now",
            description = "As the periodic run. minAge (ISO-8601 duration, default PT1H): how long a temp file must "
                    + "have been idle, and an original uncataloged, before it counts as left over; a shorter age may "
                    + "catch an upload that is still being cataloged.")
    @PostMapping("/reconcile")
    StorageStatus reconcile(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "PT1H") String minAge,
            User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        java.time.Duration age;
        try {
            age = java.time.Duration.parse(minAge);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.yingzhi.shared.web.ApiException.badRequest("minAge is an ISO-8601 duration such as PT1H or PT0S");
        }
        if (age.isNegative()) {
            throw org.yingzhi.shared.web.ApiException.badRequest("minAge cannot be negative");
        }
        reconciliation.run(age, age);
        return new StorageStatus(store.usableSpace(), reconciliation.last());
    }

    @Operation(summary = "State of this process's search index: building, catching up or ready, and its size")
    @org.springframework.web.bind.annotation.GetMapping("/search-index")
    SearchService.Status searchIndex(User user) throws IOException {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        return search.status();
    }

    @Operation(summary = "Rebuild this process's search index from the catalog, in the background",
            description = "Lists and searches use the catalog while it builds; GET /api/admin/search-index shows progress.")
    @PostMapping("/reindex")
    ResponseEntity<SearchService.Status> reindex(User user) throws IOException {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        search.rebuildSoon();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.status());
    }

    @Operation(summary = "Back the catalog up while the service runs",
            description = "Writes backups/catalog-<UTC time>/ under the data directory: one Extended JSON file per "
                    + "collection and manifest.json. With the embedded catalog the backup is one moment (writes wait "
                    + "meanwhile, reads go on). The media store is not copied: back up originals/ with ordinary tools.")
    @PostMapping("/backup")
    ResponseEntity<BackupResult> backup(User user) throws IOException {
        String name = backups.take(user);
        Path dir = backups.dir().resolve(name);
        CatalogBackup.Manifest m = CatalogBackup.check(dir);
        String shown = dir.startsWith(store.root()) ? store.root().relativize(dir).toString() : dir.toString();
        return ResponseEntity.status(HttpStatus.CREATED).body(new BackupResult(shown, m));
    }
}
