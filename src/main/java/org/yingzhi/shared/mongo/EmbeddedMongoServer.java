package org.yingzhi.shared.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup catalog: mongo-java-server with its H2 MVStore backend, listening on 127.0.0.1 on a free port.
 *
 * <p>What the plain server lacks is added in {@link SerializedDurableBackend}:
 * <ul>
 * <li>Write commands run one at a time and are committed to the file before the reply leaves, so a filtered update
 * is atomic as on real MongoDB and an acknowledged write survives kill -9.</li>
 * <li>No command reads while another writes. The MVStore frees a chunk once no version it keeps needs it; a reader
 * that is not registered with the store (mongo-java-server's are not) can still be walking an older version, and
 * then fails with "Chunk N not found" (h2database issues 4142 and 4383). Readers share a read lock, writes and
 * commits take the write lock, and the store's background writer is off (every write commits explicitly), so no
 * chunk is ever freed under a reader.</li>
 * <li>Indexes that the embedded server cannot build (non-unique ones) are recorded but never filled: the plain
 * server would scan every document for each of them at every start-up.</li>
 * </ul>
 * Both hold for every client, including worker processes that reach this server over TCP.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    /** H2Database keeps a collection's documents in the map "databases.<database>.<collection>". */
    private static final String DATA_MAPS = "databases.";
    /** H2Database keeps a unique index in the map "<database>.<collection>._index_<index>". */
    private static final String INDEX_MAPS = "._index_";

    /** One key type for every unique index of the process: the bound on remembered keys is one for all of them. */
    private static final RememberedKeyType INDEX_KEYS = new RememberedKeyType();

    /** Opens (or finds open) a unique index's map with {@link RememberedKeyType}. */
    static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Object>().keyType(INDEX_KEYS));
    }

    private final ReopeningBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(ReopeningBackend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
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
        java.util.function.Function<MVStore.Builder, MVStore.Builder> settings = b -> b.cacheSize(cacheMb).autoCommitDisabled();
        MVStore store;
        try {
            store = settings.apply(new MVStore.Builder().fileName(file.toString())).open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new CatalogInUseException(file, e);
            }
            throw new CatalogDamagedException(file, e);
        }
        MongoServer server;
        ReopeningBackend backend;
        try {
            long t0 = System.nanoTime();
            long entries = verify(store);
            backend = new ReopeningBackend(file, settings, new SerializedDurableBackend(store));
            log.info("embedded catalog {}: {} entries read and checked in {} ms", file, entries,
                    (System.nanoTime() - t0) / 1_000_000);
            server = new MongoServer(backend);
        } catch (MVStoreException | IllegalStateException | ClassCastException e) {
            closeQuietly(store);
            throw new CatalogDamagedException(file, e);
        }
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB wire-protocol server on {} with catalog {}", address, file);
        return new EmbeddedMongoServer(backend, server, address);
    }

    /**
     * Reads every page of every map once, so that a damaged file is found at start-up (with a message that says
     * to restore the backup) instead of by the first request that touches the damage.
     */
    static long verify(MVStore store) {
        long n = 0;
        for (String name : store.getMapNames()) {
            // a unique index's map is opened with the key type the database will open it with (one type per open map)
            MVMap<Object, Object> map = name.contains(INDEX_MAPS) ? openIndexMap(store, name) : store.openMap(name);
            long size = map.sizeAsLong();
            if (size < 20_000) {
                n += read(map, null, null);
                continue;
            }
            // two halves at once: reading is decoding, and decoding is CPU
            Object middle = map.getKey(size / 2);
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(map, middle, null));
            n += read(map, null, middle);
            try {
                n += second.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return n;
    }

    /** Reads the entries from {@code from} (inclusive, null: the first) up to {@code to} (exclusive, null: the end). */
    private static long read(MVMap<Object, Object> map, Object from, Object to) {
        long n = 0;
        for (org.h2.mvstore.Cursor<Object, Object> c = map.cursor(from); c.hasNext(); ) {
            Object key = c.next();
            if (to != null && key.equals(to)) {
                break;
            }
            c.getValue();
            n++;
        }
        return n;
    }

    private static void closeQuietly(MVStore store) {
        try {
            store.closeImmediately();
        } catch (RuntimeException ignored) {
            // already failing; the original error is what matters
        }
    }

    /** H2 backend with a read/write lock around every command and a commit after every write. */
    static final class SerializedDurableBackend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "createindexes", "create", "drop", "dropindexes", "dropdatabase", "renamecollection");

        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
        // writers hold it shared; a backup holds it exclusively, so it sees one moment while reads go on
        private final ReentrantReadWriteLock writeGate = new ReentrantReadWriteLock(true);

        SerializedDurableBackend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
            if (write) {
                writeGate.readLock().lock();
            }
            var l = write ? lock.writeLock() : lock.readLock();
            l.lock();
            try {
                if (getMvStore().isClosed()) {
                    // an earlier write closed the store while this command waited for its lock: it never ran
                    throw new NotRun();
                }
                Document reply = super.handleCommand(channel, database, command, query);
                if (write) {
                    commit();
                }
                // a reply holds the stored documents themselves, and an update changes those in place (keys put and
                // removed); the reply is encoded after this lock is released, so a concurrent update broke the
                // encoder's iteration (ConcurrentModificationException, connection dropped). Copy while locked.
                return reply.cloneDeeply();
            } finally {
                l.unlock();
                if (write) {
                    writeGate.readLock().unlock();
                }
            }
        }

        /** A command that found the store closed before it started; safe to run again on a reopened store. */
        static final class NotRun extends RuntimeException {
            NotRun() {
                super("the catalog store was closed before this command ran", null, false, false);
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            // called from H2Backend's constructor for existing databases, before this class's fields are set
            return DeclaredIndexesDatabase.open(databaseName, getMvStore(), getCursorRegistry());
        }

        /** Holds back every write until closed (same thread); reads go on. */
        AutoCloseable pauseWrites() {
            writeGate.writeLock().lock();
            return () -> writeGate.writeLock().unlock();
        }
    }

    /**
     * The key type of unique-index maps: orders keys exactly as H2's {@link ObjectDataType} does, by their Java
     * serialization byte by byte (mongo-java-server's {@code KeyValue} is not {@code Comparable}), so maps written
     * before read the same, and stores the same bytes. What changes is that each key object's serialization is made
     * once and remembered: H2 serialized both keys afresh at every comparison of a binary search, which was a fifth
     * of the embedded server's time on an insert. Key objects are not changed once made; the memory is bounded
     * (forgotten all at once past {@link #REMEMBERED} keys), and every index map shares one instance, so the bound
     * holds for the whole catalog rather than for each collection's _id and other unique indexes.
     */
    static final class RememberedKeyType extends ObjectDataType {

        static final int REMEMBERED = 100_000;

        /** A key object by identity: equal keys made separately are serialized separately, as H2 would. */
        private record Same(Object key) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Same other && other.key == key;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(key);
            }
        }

        private final java.util.concurrent.ConcurrentHashMap<Same, byte[]> bytes = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a instanceof KeyValue && b instanceof KeyValue) {
                return compareNotNull(bytesOf(a), bytesOf(b));
            }
            return super.compare(a, b);
        }

        private byte[] bytesOf(Object key) {
            Same k = new Same(key);
            byte[] b = bytes.get(k);
            if (b == null) {
                b = serialize(key);
                if (bytes.size() >= REMEMBERED) {
                    bytes.clear();
                }
                bytes.put(k, b);
            }
            return b;
        }

        int remembered() {
            return bytes.size();
        }
    }

    /**
     * A database whose non-unique indexes are kept as declarations only: queries scan either way (the plain
     * server's secondary indexes are empty placeholders too), but the placeholder reports itself built, so opening
     * the catalog does not read every document once per declared index.
     */
    static final class DeclaredIndexesDatabase extends H2Database {

        // H2Database opens the existing collections from its constructor, before a field of this class is set
        private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

        private final MVStore mvStore;

        private DeclaredIndexesDatabase(String name, MVStore store, de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(name, store, cursors);
            this.mvStore = store;
        }

        static DeclaredIndexesDatabase open(String name, MVStore store, de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            OPENING.set(store);
            try {
                return new DeclaredIndexesDatabase(name, store, cursors);
            } finally {
                OPENING.remove();
            }
        }

        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                de.bwaldvogel.mongo.backend.CollectionOptions options) {
            // the same maps as H2Database opens
            MVStore s = mvStore != null ? mvStore : OPENING.get();
            MVMap<Object, Document> data = s.openMap(DATA_MAPS + getDatabaseName() + "." + collectionName);
            MVMap<String, Object> meta = s.openMap("meta." + getDatabaseName() + "." + collectionName);
            return new TopKCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /**
         * A unique index's map is opened here first, with {@link RememberedKeyType}, so that H2Database's own
         * {@code openMap} of the same name finds it open and uses it.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVStore s = mvStore != null ? mvStore : OPENING.get();
            openIndexMap(s, getFullCollectionNamespace(collectionName) + INDEX_MAPS + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new EmptyIndex<>(indexName, keys) {
                @Override
                public boolean isEmpty() {
                    return false;
                }
            };
        }
    }

    /**
     * Writes every document of a collection, in _id order, as BSON to {@code sink}, reading the store directly (the
     * wire protocol would collect a whole collection in memory). Call it while writes are paused to get one moment.
     */
    public long export(String database, String collection, java.util.function.Consumer<byte[]> sink) {
        String name = DATA_MAPS + database + "." + collection;
        MVStore store = store();
        if (!store.hasMap(name)) {
            return 0;
        }
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = store.openMap(name);
        long n = 0;
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer(64 * 1024);
        try {
            for (org.h2.mvstore.Cursor<Object, de.bwaldvogel.mongo.bson.Document> c = map.cursor(null); c.hasNext(); ) {
                c.next();
                buf.clear();
                de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(c.getValue(), buf);
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                sink.accept(bytes);
                n++;
            }
        } finally {
            buf.release();
        }
        return n;
    }

    /** Collections of a database that hold documents (system collections left out). */
    public List<String> collections(String database) {
        String prefix = DATA_MAPS + database + ".";
        return store().getMapNames().stream().filter(m -> m.startsWith(prefix)).map(m -> m.substring(prefix.length()))
                .filter(c -> !c.startsWith("system.") && !c.contains("._index_")).sorted().toList();
    }

    /** Holds back every write command until closed, on the calling thread; reads go on meanwhile. */
    public AutoCloseable pauseWrites() {
        return backend.current().pauseWrites();
    }

    /** The store now open (a storage fault replaces it; see {@link ReopeningBackend}). */
    private MVStore store() {
        return backend.current().getMvStore();
    }

    /** Whether the catalog takes writes: false while its disk is full and it is open read-only. */
    public boolean writable() {
        return !backend.readOnly();
    }

    /**
     * A collection whose sorted, limited queries keep only the best {@code skip + limit} documents while scanning
     * (a bounded heap) instead of sorting every match in memory: listing the newest 50 of 100,000 assets holds 50
     * documents, not 100,000; aggregations read the collection as a stream. Everything else is the plain H2
     * collection.
     */
    static final class TopKCollection extends de.bwaldvogel.mongo.backend.h2.H2Collection {

        /** Beyond this, a page is so deep that the plain sort is no worse (the API pages no deeper than 10,000). */
        private static final int MAX_TOP = 20_000;

        private final MVMap<Object, Document> data;

        TopKCollection(MongoDatabase db, String name, de.bwaldvogel.mongo.backend.CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta,
                de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(db, name, options, data, meta, cursors);
            this.data = data;
        }

        /** The x of a query that is exactly {_id: {$gt: x}} (an ObjectId), sorted by _id ascending or not at all. */
        private static Object idAfter(Document query, Document orderBy) {
            boolean idOrder = orderBy == null || orderBy.isEmpty()
                    || (orderBy.size() == 1 && Integer.valueOf(1).equals(orderBy.get("_id")));
            if (!idOrder || query.size() != 1 || !(query.get("_id") instanceof Document range) || range.size() != 1) {
                return null;
            }
            Object x = range.get("$gt");
            return x instanceof de.bwaldvogel.mongo.bson.ObjectId ? x : null;
        }

        /**
         * The ids of a query that is exactly {_id: x} or {_id: {$in: [x, ...]}} with ObjectId or string ids (types
         * whose equality is plain equality), else null.
         */
        private static List<Object> idsOf(Document query) {
            if (query.size() != 1) {
                return null;
            }
            Object v = query.get("_id");
            if (v instanceof Document in && in.size() == 1 && in.get("$in") instanceof java.util.Collection<?> c) {
                List<Object> ids = new java.util.ArrayList<>(c.size());
                for (Object x : c) {
                    if (!plainId(x)) {
                        return null;
                    }
                    ids.add(x);
                }
                return ids;
            }
            return plainId(v) ? List.of(v) : null;
        }

        private static boolean plainId(Object x) {
            return x instanceof de.bwaldvogel.mongo.bson.ObjectId || x instanceof String;
        }

        /**
         * Reads by id straight from the data map, which is keyed by _id: the plain server asks its unique _id index
         * first, whose keys MVStore compares by Java-serializing both sides at every step of the B-tree (most of the
         * time of reading a page of 50 assets by id).
         */
        @Override
        protected de.bwaldvogel.mongo.backend.QueryResult queryDocuments(Document query, Document orderBy,
                int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            List<Object> ids = idsOf(query);
            if (ids == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            java.util.stream.Stream<Document> docs = ids.stream().distinct().map(data::get)
                    .filter(java.util.Objects::nonNull);
            return matchDocumentsFromStream(docs, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** Aggregations (countDocuments among them) stream the collection instead of collecting all of it first. */
        @Override
        public java.util.stream.Stream<Document> queryAllAsStream() {
            return data.values().stream();
        }

        @Override
        protected de.bwaldvogel.mongo.backend.QueryResult matchDocuments(Document query, Document orderBy,
                int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            long k = (long) Math.max(0, numberToSkip) + limit;
            Object after = idAfter(query, orderBy);
            if (after != null && limit > 0) {
                // {_id: {$gt: x}} in _id order: walk the map from x instead of reading it all (paging by _id)
                java.util.List<Document> next = new java.util.ArrayList<>();
                for (org.h2.mvstore.Cursor<Object, Document> c = data.cursor(after); c.hasNext() && next.size() < k; ) {
                    if (!c.next().equals(after)) {
                        next.add(c.getValue());
                    }
                }
                return matchDocumentsFromStream(next.stream(), query, orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
            java.util.Comparator<Document> order = deriveComparator(orderBy);
            if (order == null || limit <= 0 || k > MAX_TOP) {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            java.util.PriorityQueue<Document> worstFirst = new java.util.PriorityQueue<>((int) k + 1, order.reversed());
            for (Document d : data.values()) {
                if (documentMatchesQuery(d, query)) {
                    worstFirst.offer(d);
                    if (worstFirst.size() > k) {
                        worstFirst.poll();
                    }
                }
            }
            // the survivors go through the usual path: sorted, skipped, limited and projected
            return matchDocumentsFromStream(new java.util.ArrayList<>(worstFirst).stream(), query, orderBy,
                    numberToSkip, limit, batchSize, fieldSelector);
        }
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        MVStore store = store();
        if (!store.isClosed()) {
            try {
                store.close();
            } catch (MVStoreException e) {
                // the last commit is on disk; what failed to write was never acknowledged
                store.closeImmediately();
            }
        }
    }
}
