package org.yingzhi.asset;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.yingzhi.security.Role;
import org.yingzhi.security.User;

/**
 * Folder import from the command line: {@code --yingzhi.import.dir=DIR} imports at start-up (the service keeps
 * running unless {@code --yingzhi.import.exit=true}). {@code scripts/import} wraps it.
 */
@Component
@org.springframework.core.annotation.Order(0)
class ImportRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    @ConfigurationProperties("yingzhi.import")
    record ImportProperties(Path dir, String unit, Integer threads, boolean exit) {
        ImportProperties {
            threads = threads == null ? 2 : threads;
        }
    }

    private final ImportProperties props;
    private final FolderImporter importer;
    private final ApplicationContext context;

    ImportRunner(ImportProperties props, FolderImporter importer, ApplicationContext context) {
        this.props = props;
        this.importer = importer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (props.dir() == null) {
            return;
        }
        User operator = new User("import", "Folder import", Role.ADMIN, props.unit() == null ? "" : props.unit());
        int code = 0;
        try {
            FolderImporter.Report r = importer.importFolder(props.dir(), operator, props.threads(),
                    e -> System.out.println(line(e)));
            System.out.printf("import of %s: %d imported, %d duplicate, %d rejected, %d skipped in %.1f s%n",
                    props.dir(), r.count(FolderImporter.Outcome.IMPORTED), r.count(FolderImporter.Outcome.DUPLICATE),
                    r.count(FolderImporter.Outcome.REJECTED), r.count(FolderImporter.Outcome.SKIPPED),
                    r.millis() / 1000.0);
        } catch (Exception e) {
            log.error("import of {} failed", props.dir(), e);
            System.out.println("import failed: " + e.getMessage());
            code = 1;
        }
        if (props.exit()) {
            int exit = code;
            System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
        }
    }

    static String line(FolderImporter.Entry e) {
        return switch (e.outcome()) {
            case IMPORTED -> "imported   " + e.assetId() + "  " + e.file();
            case DUPLICATE -> "duplicate  " + e.assetId() + "  " + e.file();
            case REJECTED -> "rejected   " + e.file() + ": " + e.reason();
            case SKIPPED -> "skipped    " + e.file() + ": " + e.reason();
        };
    }
}
