package org.yingzhi.shared.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked embedded catalog into a start-up message that says what to do, instead of a stack trace. */
class CatalogInUseFailureAnalyzer extends AbstractFailureAnalyzer<CatalogInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, CatalogInUseException cause) {
        return new FailureAnalysis(
                "The embedded catalog " + cause.file() + " is open in another Yingzhi process (a running service, "
                        + "or an import) that uses the same data directory.",
                "Stop that process first, or import into the running service with --yingzhi.import.dir when you start "
                        + "it, or give this process its own yingzhi.storage.data-dir, or point every process at one "
                        + "MongoDB with MONGODB_URI.", cause);
    }
}
