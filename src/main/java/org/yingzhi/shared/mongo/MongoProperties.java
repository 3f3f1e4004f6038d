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
        // the page cache holds deserialized documents on the heap: an eighth of it, 16 to 256 MB
        embeddedCacheMb = embeddedCacheMb == null
                ? (int) Math.max(16, Math.min(256, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024)))
                : embeddedCacheMb;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
