package org.yingzhi.shared.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded catalog open through storage faults. When a write cannot reach the disk (it is full, or the
 * file system failed), the MVStore closes itself; everything after would fail until a restart. This backend
 * notices, reopens the file at its last commit (the failed write was never acknowledged, so nothing acknowledged
 * is lost) and goes on with the new store: reads work again at once, and writes work again as soon as the disk
 * takes them. If the file cannot be opened for writing (the disk is still full) it is opened read-only, so reads
 * go on, and a read-write open is tried again on the next command after {@link #RETRY_MILLIS}.
 *
 * <p>Why reopen rather than retry the write: after a failed write the MVStore is closed for good (it "panics"); it
 * cannot be asked to try again. Reopening is cheap (the file's last chunk header is read; nothing is rebuilt).
 * A disk-full failure reaches the client as error 14031 (MongoDB's OutOfDiskSpace) whose message says
 * "No space left on device", which the API answers as 507.
 */
final class ReopeningBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(ReopeningBackend.class);
    static final long RETRY_MILLIS = 2_000;
    static final int OUT_OF_DISK_SPACE = 14031;

    private final Path file;
    private final Function<MVStore.Builder, MVStore.Builder> settings;
    private volatile EmbeddedMongoServer.SerializedDurableBackend current;
    private volatile boolean readOnly;
    private volatile long lastAttempt;

    ReopeningBackend(Path file, Function<MVStore.Builder, MVStore.Builder> settings,
            EmbeddedMongoServer.SerializedDurableBackend first) {
        this.file = file;
        this.settings = settings;
        this.current = first;
    }

    EmbeddedMongoServer.SerializedDurableBackend current() {
        return current;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** Runs a command against the open store, reopening it first if an earlier fault closed it. */
    private <T> T run(Function<EmbeddedMongoServer.SerializedDurableBackend, T> command) {
        EmbeddedMongoServer.SerializedDurableBackend b = current;
        if (b.getMvStore().isClosed() || readOnly) {
            b = reopen(b);
        }
        try {
            try {
                return command.apply(b);
            } catch (EmbeddedMongoServer.SerializedDurableBackend.NotRun e) {
                return command.apply(reopen(b)); // it never ran on the closed store: run it once on the new one
            }
        } catch (MVStoreException | IllegalStateException e) {
            if (b.getMvStore().isReadOnly()) {
                throw new MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace",
                        "No space left on device: the catalog takes no writes until space is freed; reads go on");
            }
            if (!b.getMvStore().isClosed()) {
                throw e;
            }
            boolean full = org.yingzhi.shared.io.StorageFaults.diskFull(e);
            log.error("the catalog store closed after a failed write ({}); reopening it at its last commit",
                    full ? "no space left on device" : e.getMessage(), full ? null : e);
            reopen(b);
            if (full) {
                throw new MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace",
                        "No space left on device: the catalog could not store this write; nothing of it was kept");
            }
            throw new MongoServerError(-1, "StorageFault",
                    "the catalog could not store this write (" + e.getMessage() + "); nothing of it was kept");
        }
    }

    /** Replaces a closed (or read-only) backend; one thread at a time, and only the backend that failed. */
    private synchronized EmbeddedMongoServer.SerializedDurableBackend reopen(EmbeddedMongoServer.SerializedDurableBackend failed) {
        if (current != failed) {
            return current; // someone reopened it meanwhile
        }
        long now = System.currentTimeMillis();
        if (readOnly && now - lastAttempt < RETRY_MILLIS) {
            return current;
        }
        lastAttempt = now;
        try {
            failed.getMvStore().closeImmediately();
        } catch (RuntimeException ignored) {
            // it is closed already
        }
        try {
            MVStore store = settings.apply(new MVStore.Builder().fileName(file.toString())).open();
            current = new EmbeddedMongoServer.SerializedDurableBackend(store);
            if (readOnly) {
                log.info("the catalog takes writes again");
            }
            readOnly = false;
        } catch (MVStoreException e) {
            MVStore store = settings.apply(new MVStore.Builder().fileName(file.toString()).readOnly()).open();
            current = new EmbeddedMongoServer.SerializedDurableBackend(store);
            if (!readOnly) {
                log.warn("the catalog is open read-only until its disk takes writes again: {}", e.getMessage());
            }
            readOnly = true;
        }
        return current;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return run(b -> b.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return run(b -> b.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return run(b -> b.handleQuery(query));
    }

    @Override
    public void handleClose(Channel channel) {
        current.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        run(b -> {
            b.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return current.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return current.getServerStatus();
    }

    @Override
    public void close() {
        current.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        current.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        current.enableOplog();
    }

    @Override
    public void disableOplog() {
        current.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return current.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        current.version(version);
        return this;
    }
}
