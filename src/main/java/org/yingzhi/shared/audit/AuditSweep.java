package org.yingzhi.shared.audit;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reconciles the journal of writes under way that a crash left behind, at start-up and then every half minute,
 * for entries older than {@code yingzhi.audit.sweep-after} (writes still running in a live process are younger):
 * a write its probe finds in the catalog gets its record ({@code recovered}); one it does not find is dropped (it
 * never happened); one without a probe is recorded as {@code uncertain}; a request that was interrupted before
 * it described its write is recorded as {@code interrupted} unless the request has records already. At start-up
 * it also walks the chain and logs what {@code /api/audit/verify} would say.
 */
@Component
class AuditSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSweep.class);

    private final AuditLog audit;
    private final long afterMillis;
    private final boolean verifyAtStart;
    private ScheduledExecutorService timer;

    AuditSweep(AuditLog audit, @Value("${yingzhi.audit.sweep-after:2m}") Duration after,
            @Value("${yingzhi.audit.verify-at-start:true}") boolean verifyAtStart) {
        this.audit = audit;
        this.afterMillis = after.toMillis();
        this.verifyAtStart = verifyAtStart;
    }

    /** Reconciles every journal entry older than the threshold; how many it handled. */
    synchronized int sweep() {
        int n = 0;
        audit.appendWaiting();
        AuditRepository repo = audit.repo();
        for (Document e : repo.journaledBefore(new Date(System.currentTimeMillis() - afterMillis))) {
            String op = e.getString("_id");
            Document change = e.get("change", Document.class);
            Document probe = e.get("probe", Document.class);
            if (repo.recorded(op)) {
                repo.unjournal(op);
            } else if (change == null) {
                // a request journaled before its handler ran, and never finished
                if (repo.countRequest(e.getString("request")) == 0) {
                    Document route = e.get("route", Document.class);
                    audit.append(op, e, new Change("http." + route.getString("method"), "route",
                            route.getString("path"), null, null, null, null), "interrupted");
                }
                repo.unjournal(op);
            } else if (probe == null) {
                audit.append(op, e, AuditLog.change(change), "uncertain");
                repo.unjournal(op);
            } else {
                Probe p = new Probe(probe.getString("collection"), probe.get("filter", Document.class),
                        probe.getBoolean("present", true));
                if (audit.happened(p)) {
                    audit.append(op, e, AuditLog.change(change), "recovered");
                }
                repo.unjournal(op);
            }
            n++;
        }
        if (n > 0) {
            log.warn("audit sweep: reconciled {} journal entries left by an interrupted write", n);
        }
        return n;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-sweep");
            t.setDaemon(true);
            return t;
        });
        timer.execute(() -> {
            try {
                sweep();
                if (verifyAtStart) {
                    AuditLog.Verification v = audit.verify();
                    if (v.ok()) {
                        log.info("audit chain verified: {} records, head {} {}", v.records(), v.headSeq(), v.headHash());
                    } else {
                        log.error("AUDIT CHAIN BROKEN: {} (checked {} records)", v.problem(), v.records());
                    }
                }
            } catch (RuntimeException ex) {
                log.warn("audit start-up check: {}", ex.toString());
            }
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException ex) {
                log.warn("audit sweep: {}", ex.toString());
            }
        }, 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
