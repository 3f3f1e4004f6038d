package org.yingzhi.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Repository;
import org.yingzhi.shared.io.Sha256;

/**
 * Owns the {@code users} and {@code apiTokens} collections. Passwords are kept as BCrypt hashes and tokens as
 * SHA-256 hashes; neither is ever logged or returned.
 */
@Repository
public class Accounts {

    static final String USERS = "users";
    static final String TOKENS = "apiTokens";
    /** Personal tokens start with this, so a leaked one is recognisable (and secret scanners can find it). */
    static final String TOKEN_PREFIX = "yz_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> tokens;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    public Accounts(MongoDatabase db) {
        this.users = db.getCollection(USERS);
        this.tokens = db.getCollection(TOKENS);
        users.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true).name("name_unique"));
        tokens.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true).name("hash_unique"));
    }

    public long count() {
        return users.countDocuments();
    }

    public Optional<Account> find(String name) {
        return Optional.ofNullable(users.find(eq("name", name)).first()).map(Accounts::map);
    }

    public List<Account> all() {
        List<Account> out = new ArrayList<>();
        for (Document d : users.find().sort(Sorts.ascending("name"))) {
            out.add(map(d));
        }
        return out;
    }

    /** Whether {@code password} is the account's (constant-time BCrypt check; false for unknown or disabled). */
    public boolean passwordMatches(String name, String password) {
        Document d = users.find(eq("name", name)).first();
        if (d == null || d.getBoolean("disabled", false) || password == null) {
            encoder.matches("x", DUMMY_HASH); // the same work for unknown names: no timing hint
            return false;
        }
        return encoder.matches(password, d.getString("passwordHash"));
    }

    private static final String DUMMY_HASH = new BCryptPasswordEncoder().encode("not a password");

    /** Empty when the name is taken. */
    public Optional<Account> create(String name, String displayName, Role role, String unit, String password,
            boolean mustChange) {
        Date now = new Date();
        Document d = new Document("_id", new ObjectId()).append("name", name).append("displayName", displayName)
                .append("role", role.name()).append("unit", unit == null ? "" : unit)
                .append("passwordHash", encoder.encode(password)).append("mustChangePassword", mustChange)
                .append("disabled", false).append("createdAt", now).append("updatedAt", now);
        try {
            users.insertOne(d);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(map(d));
    }

    public boolean setPassword(String name, String password, boolean mustChange) {
        return users.updateOne(eq("name", name), Updates.combine(Updates.set("passwordHash", encoder.encode(password)),
                Updates.set("mustChangePassword", mustChange), Updates.set("updatedAt", new Date()))).getMatchedCount() == 1;
    }

    public boolean update(String name, String displayName, Role role, String unit, Boolean disabled) {
        List<org.bson.conversions.Bson> sets = new ArrayList<>();
        if (displayName != null) {
            sets.add(Updates.set("displayName", displayName));
        }
        if (role != null) {
            sets.add(Updates.set("role", role.name()));
        }
        if (unit != null) {
            sets.add(Updates.set("unit", unit));
        }
        if (disabled != null) {
            sets.add(Updates.set("disabled", disabled));
        }
        sets.add(Updates.set("updatedAt", new Date()));
        return users.updateOne(eq("name", name), Updates.combine(sets)).getMatchedCount() == 1;
    }

    // ---- personal API tokens

    /** A new token for a user: the clear token (shown once) and what is stored. */
    public record Issued(String token, ApiToken stored) {
    }

    public Issued issueToken(String user, String label) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Document d = new Document("_id", new ObjectId()).append("user", user).append("label", label)
                .append("hash", hash(token)).append("prefix", token.substring(0, 8)).append("createdAt", new Date());
        tokens.insertOne(d);
        return new Issued(token, mapToken(d));
    }

    /** The signed-in user of a personal token: unknown, revoked, or of a disabled account gives empty. */
    public Optional<Account> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Document t = tokens.find(and(eq("hash", hash(token)), eq("revokedAt", null))).first();
        if (t == null) {
            return Optional.empty();
        }
        Optional<Account> a = find(t.getString("user")).filter(x -> !x.disabled());
        if (a.isPresent()) {
            Date last = t.getDate("lastUsedAt");
            if (last == null || System.currentTimeMillis() - last.getTime() > 60_000) {
                tokens.updateOne(eq("_id", t.getObjectId("_id")), Updates.set("lastUsedAt", new Date()));
            }
        }
        return a;
    }

    public List<ApiToken> tokensOf(String user) {
        List<ApiToken> out = new ArrayList<>();
        for (Document d : tokens.find(eq("user", user)).sort(Sorts.descending("createdAt"))) {
            out.add(mapToken(d));
        }
        return out;
    }

    public Optional<ApiToken> token(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.find(eq("_id", new ObjectId(id))).first()).map(Accounts::mapToken);
    }

    /** Revokes at once: the next request with it is refused. */
    public boolean revoke(String id) {
        return ObjectId.isValid(id) && tokens.updateOne(and(eq("_id", new ObjectId(id)), eq("revokedAt", null)),
                Updates.set("revokedAt", new Date())).getModifiedCount() == 1;
    }

    public long revokeAll(String user) {
        return tokens.updateMany(and(eq("user", user), eq("revokedAt", null)), Updates.set("revokedAt", new Date()))
                .getModifiedCount();
    }

    static String hash(String token) {
        return Sha256.of(token);
    }

    /** A password for one use: 16 letters and digits, no look-alikes. */
    public static String oneTimePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Account map(Document d) {
        return new Account(d.getObjectId("_id").toHexString(), d.getString("name"), d.getString("displayName"),
                Role.valueOf(d.getString("role")), d.getString("unit"), d.getBoolean("disabled", false),
                d.getBoolean("mustChangePassword", false), d.getDate("createdAt").toInstant());
    }

    private static ApiToken mapToken(Document d) {
        return new ApiToken(d.getObjectId("_id").toHexString(), d.getString("user"), d.getString("label"),
                d.getString("prefix"), d.getDate("createdAt").toInstant(),
                d.getDate("lastUsedAt") == null ? null : d.getDate("lastUsedAt").toInstant(),
                d.getDate("revokedAt") == null ? null : d.getDate("revokedAt").toInstant());
    }
}
