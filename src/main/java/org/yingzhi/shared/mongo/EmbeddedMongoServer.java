package org.yingzhi.shared.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup catalog: mongo-java-server with its H2 MVStore backend, listening on 127.0.0.1 on a free port.
 *
 * <p>Two things the plain server lacks are added in {@link SerializedDurableBackend}: write commands run one at a
 * time, so a filtered update is atomic as on real MongoDB (mongo-java-server checks the filter and writes
 * without a lock, and two workers could both claim one job); and every write is committed to the H2 file before
 * the reply leaves, so an acknowledged write survives kill -9 (the MVStore alone writes about once a second).
 * Both hold for every client, including worker processes that reach this server over TCP.
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
        return start(dataDir, cacheMb, 0);
    }

    /** {@code port} 0 picks a free one. */
    public static EmbeddedMongoServer start(Path dataDir, int cacheMb, int port) {
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
            if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
                throw new CatalogInUseException(file, e);
            }
            throw new IllegalStateException("cannot open the embedded catalog " + file + ": " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(new SerializedDurableBackend(store));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB wire-protocol server on {} with catalog {}", address, file);
        return new EmbeddedMongoServer(store, server, address);
    }

    /** H2 backend whose write commands are serialized and committed before they are answered. */
    static final class SerializedDurableBackend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "createindexes", "create", "drop", "dropindexes", "dropdatabase", "renamecollection");

        private final ReentrantLock writeLock = new ReentrantLock(true);

        SerializedDurableBackend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                return super.handleCommand(channel, database, command, query);
            }
            writeLock.lock();
            try {
                Document reply = super.handleCommand(channel, database, command, query);
                commit();
                return reply;
            } finally {
                writeLock.unlock();
            }
        }
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
