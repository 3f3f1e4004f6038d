package org.yingzhi.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yingzhi.shared.mongo.MongoProperties;

/**
 * The first accounts. On the embedded default (a trial or a single office machine) the demo users of
 * {@code yingzhi.security.users} get an account each with the demo password, which the sign-in page shows. Against
 * a real MongoDB with no accounts at all, one administrator {@code admin} is made with a one-time password printed
 * to the log once (it must be changed at the first sign-in); nothing else is ever logged about passwords.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccountSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);

    private final Accounts accounts;
    private final SecurityProperties props;
    private final boolean demo;
    private final String demoPassword;
    /** A backup or restore run: the catalog is copied as it is, no account is made. */
    private final boolean maintenance;

    AccountSetup(Accounts accounts, SecurityProperties props, MongoProperties mongo,
            @Value("${yingzhi.security.demo-users:true}") boolean demoUsers,
            @Value("${yingzhi.security.demo-password:yingzhi-demo}") String demoPassword,
            @Value("${yingzhi.backup.to:}") String backupTo, @Value("${yingzhi.restore.from:}") String restoreFrom) {
        this.maintenance = !backupTo.isBlank() || !restoreFrom.isBlank();
        this.accounts = accounts;
        this.props = props;
        this.demo = demoUsers && mongo.embedded();
        this.demoPassword = demoPassword;
    }

    /** Whether the demo accounts exist here (the sign-in page then lists them with their password). */
    public boolean demo() {
        return demo;
    }

    public String demoPassword() {
        return demo ? demoPassword : null;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (maintenance) {
            return;
        }
        if (demo) {
            int made = 0;
            for (SecurityProperties.Account a : props.users()) {
                if (accounts.find(a.name()).isEmpty() && accounts.create(a.name(),
                        a.displayName() == null ? a.name() : a.displayName(), a.role(), a.unit(), demoPassword, false)
                        .isPresent()) {
                    made++;
                }
            }
            if (made > 0) {
                log.info("demo accounts made for the embedded catalog: {} (the sign-in page lists them)", made);
            }
            return;
        }
        if (accounts.count() == 0) {
            String password = Accounts.oneTimePassword();
            accounts.create("admin", "管理员", Role.ADMIN, "", password, true);
            log.warn("no accounts yet: made the administrator 'admin' with the one-time password {} "
                    + "(sign in and change it; it is not shown again)", password);
        }
    }
}
