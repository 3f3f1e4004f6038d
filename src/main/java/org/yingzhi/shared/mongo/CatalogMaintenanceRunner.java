package org.yingzhi.shared.mongo;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --yingzhi.backup.to=DIR} backs the catalog up and exits; {@code --yingzhi.restore.from=DIR} loads a backup
 * into an empty catalog and exits. {@code scripts/backup} (with the service stopped) and {@code scripts/restore} use
 * them; a running service is backed up through {@code POST /api/admin/backup}.
 */
@Component
@Order(0)
class CatalogMaintenanceRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogMaintenanceRunner.class);

    private final CatalogBackup backup;
    private final ApplicationContext context;
    private final String backupTo;
    private final String restoreFrom;

    private final org.yingzhi.shared.audit.AuditLog audit;

    CatalogMaintenanceRunner(CatalogBackup backup, ApplicationContext context,
            @Value("${yingzhi.backup.to:}") String backupTo, @Value("${yingzhi.restore.from:}") String restoreFrom,
            org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.backup = backup;
        this.context = context;
        this.backupTo = backupTo;
        this.restoreFrom = restoreFrom;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (backupTo.isBlank() && restoreFrom.isBlank()) {
            return;
        }
        int code = 0;
        try {
            if (!restoreFrom.isBlank()) {
                var loaded = backup.restore(Path.of(restoreFrom));
                loaded.forEach(f -> System.out.printf("restored %-20s %,d documents%n", f.name(), f.documents()));
                var before = audit.head();
                audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.RESTORE, "backup",
                        Path.of(restoreFrom).getFileName().toString()).with("auditHead", before.seq() + " " + before.hash()));
                var verified = audit.verify();
                System.out.println("audit chain: " + (verified.ok() ? "verified, " + verified.records() + " records, head "
                        + verified.headSeq() + " " + verified.headHash() : "BROKEN: " + verified.problem()));
            }
            if (!backupTo.isBlank()) {
                var m = backup.backup(Path.of(backupTo));
                m.collections().forEach(f -> System.out.printf("backed up %-20s %,d documents%n", f.name(), f.documents()));
                System.out.println("backup written to " + Path.of(backupTo).toAbsolutePath() + " in " + m.millis() + " ms");
                if (m.auditHead() != null) {
                    System.out.println("audit chain head: " + m.auditHead().seq() + " " + m.auditHead().hash());
                }
            }
        } catch (Exception e) {
            log.debug("catalog maintenance failed", e);
            System.out.println("failed: " + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
    }
}
