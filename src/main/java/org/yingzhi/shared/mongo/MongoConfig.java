package org.yingzhi.shared.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.yingzhi.storage.StorageProperties;

/** The one MongoClient of the application, against a real server or the embedded one, always over TCP. */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    private static final Logger log = LoggerFactory.getLogger(MongoConfig.class);

    /** Null when a real server is configured; Spring does not register null beans, callers use ObjectProvider. */
    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(MongoProperties props, StorageProperties storage) {
        if (!props.embedded()) {
            return null;
        }
        return EmbeddedMongoServer.start(storage.dataDir(), props.embeddedCacheMb(), props.embeddedPort());
    }

    /** Depends on the embedded server so that it is closed after the client, not under it. */
    @Bean(destroyMethod = "close")
    @DependsOn("embeddedMongoServer")
    MongoClient mongoClient(MongoProperties props, ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        String uri = server != null ? server.connectionString() : props.uri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (server == null) {
            log.info("catalog on MongoDB at {}", new ConnectionString(uri).getHosts());
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties props) {
        return client.getDatabase(props.database());
    }
}
