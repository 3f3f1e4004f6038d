package org.yingzhi.shared.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a damaged embedded catalog into a start-up message with the way out, instead of a stack trace. */
class CatalogDamagedFailureAnalyzer extends AbstractFailureAnalyzer<CatalogDamagedException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, CatalogDamagedException cause) {
        return new FailureAnalysis(
                "The embedded catalog " + cause.file() + " cannot be read back completely ("
                        + (cause.getCause() == null ? "unknown reason" : cause.getCause().getMessage())
                        + "). Yingzhi does not serve a damaged catalog. The media files under originals/ are not affected.",
                "Keep the damaged file for investigation (move the data directory's db/ folder aside), then restore the "
                        + "newest backup into a new data directory: scripts/restore BACKUP_DIR --data-dir NEW_DIR "
                        + "(see README, Backup and restore), and point yingzhi.storage.data-dir at it with the same "
                        + "originals/ folder.", cause);
    }
}
