package org.yingzhi.shared.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup catalog: mongo-java-server with its H2 MVStore backend, listening on 127.0.0.1 on a free port.
 *
 * <p>The MVStore only writes to disk about once a second on its own, so an acknowledged write could be lost to
 * kill -9. {@link #commit()} is called after every write command (see {@link DurableWriteListener}) so that what
 * the user was told is stored is on disk before the HTTP answer goes out.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MVStore store, MongoServer server, InetSocketAddress address) {
        this.store = store;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongoServer start(Path dataDir, int cacheMb) {
        Path dbDir = dataDir.resolve("db");
        try {
            Files.createDirectories(dbDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the catalog directory " + dbDir + ": " + e.getMessage(), e);
        }
        Path file = dbDir.resolve("catalog.mv.db");
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
        } catch (MVStoreException e) {
            throw new IllegalStateException("cannot open the embedded catalog " + file
                    + " (is another Yingzhi process using this data directory?): " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB wire-protocol server on {} with catalog {}", address, file);
        return new EmbeddedMongoServer(store, server, address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Writes everything acknowledged so far to the H2 file. */
    public void commit() {
        if (!store.isClosed()) {
            store.commit();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
