package org.yingzhi.shared.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog lives. An empty {@code uri} starts the embedded wire-protocol server on 127.0.0.1 with its
 * H2 file under the data directory; production sets {@code MONGODB_URI} to a replica set.
 */
@ConfigurationProperties("yingzhi.mongodb")
public record MongoProperties(String uri, String database, Integer embeddedCacheMb, Integer embeddedPort) {

    public MongoProperties {
        uri = uri == null ? "" : uri.trim();
        database = database == null || database.isBlank() ? "yingzhi" : database.trim();
        embeddedCacheMb = embeddedCacheMb == null ? 256 : embeddedCacheMb;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
