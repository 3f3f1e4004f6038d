package org.yingzhi.shared.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The catalog in {@code /actuator/health} as "catalog": DOWN when it does not answer a ping, OUT_OF_SERVICE while
 * the embedded catalog takes no writes (its disk is full; reads go on), UP otherwise.
 */
@Component("catalog")
class CatalogHealthIndicator implements HealthIndicator {

    private final MongoDatabase db;
    private final ObjectProvider<EmbeddedMongoServer> embedded;

    CatalogHealthIndicator(MongoDatabase db, ObjectProvider<EmbeddedMongoServer> embedded) {
        this.db = db;
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        try {
            db.runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        EmbeddedMongoServer server = embedded.getIfAvailable();
        if (server == null) {
            return Health.up().withDetail("kind", "MongoDB").build();
        }
        boolean writable = server.writable();
        return Health.status(writable ? Status.UP : Status.OUT_OF_SERVICE).withDetail("kind", "embedded")
                .withDetail("writable", writable).build();
    }
}
