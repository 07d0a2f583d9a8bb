package dev.pertouch.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user's data as a whole: exported for them to take away, erased when they ask, pruned when
 * they stop coming. Files live in the {@link PhotoStore}, shared by digest between users, so
 * erasing answers which digests nobody references any more; the caller deletes those files
 * ({@link PhotoStore#delete(String)}) after the erasure has committed.
 */
public final class UserData {

    /** Users erased per transaction while pruning: bounded transactions, and pruning can run beside requests. */
    private static final int PRUNE_BATCH = 100;

    private final Database db;
    private final Users users;
    private final SceneMemory sceneMemory;

    public UserData(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.users = new Users(db);
        this.sceneMemory = new SceneMemory(db);
    }

    /** Everything stored about the user; empty when there is no such user. */
    public Optional<UserExport> export(String userId) {
        Optional<User> user = users.find(userId);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        List<Photo> photos = db.query("list every photo of user " + userId, "SELECT " + Photos.COLUMNS
                + " FROM photos WHERE owner_id = ? ORDER BY created_at, id", s -> s.setString(1, userId), Photos::photo);
        List<Edit> edits = db.query("list every edit of user " + userId, "SELECT " + Edits.COLUMNS
                + " FROM edits WHERE owner_id = ? ORDER BY created_at, id", s -> s.setString(1, userId), Edits::edit);
        List<SceneRecord> scenes = new ArrayList<>(sceneMemory.list(userId));
        Collections.reverse(scenes);
        return Optional.of(new UserExport(user.get(), photos, edits, scenes));
    }

    /**
     * Erases the user with their photos' records, edits and scene memory, in one transaction.
     *
     * @return the digests of the user's photo and result files that no remaining record uses: the
     *         files to delete from the {@link PhotoStore}; empty when there was no such user
     */
    public Set<String> deleteUser(String userId) {
        return db.inTransaction("erase user " + userId, c -> erase(c, userId, null));
    }

    /**
     * Retention: erases every user not seen for {@code olderThan}, with all their data. Every
     * identity here is anonymous (a cookie, nothing to sign in with), so a display name does not
     * exempt anyone. A user seen again while pruning runs is kept.
     *
     * @return the digests of files no remaining record uses, as for {@link #deleteUser}
     */
    public Set<String> pruneAnonymous(Duration olderThan) {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("a retention period cannot be negative: " + olderThan);
        }
        Instant cutoff = Timestamps.now().minus(olderThan);
        SortedSet<String> orphans = new TreeSet<>();
        while (true) {
            List<String> batch = db.query("find users not seen since " + cutoff, "SELECT id FROM users"
                    + " WHERE last_seen_at < ? ORDER BY last_seen_at, id FETCH FIRST ? ROWS ONLY", s -> {
                Timestamps.bind(s, 1, cutoff);
                s.setInt(2, PRUNE_BATCH);
            }, row -> row.getString(1));
            if (batch.isEmpty()) {
                return Collections.unmodifiableSortedSet(orphans);
            }
            orphans.addAll(db.inTransaction("erase users not seen since " + cutoff, c -> {
                SortedSet<String> freed = new TreeSet<>();
                for (String userId : batch) {
                    freed.addAll(erase(c, userId, cutoff));
                }
                return freed;
            }));
        }
    }

    /**
     * Deletes the user (the schema cascades to photos, edits and scene memory) when they exist and,
     * given {@code notSeenSince}, were last seen before it; returns the digests nobody uses now.
     */
    private static Set<String> erase(Connection c, String userId, Instant notSeenSince) throws SQLException {
        List<String> digests = strings(c, "SELECT sha256 FROM photos WHERE owner_id = ?"
                + " UNION SELECT result_sha256 FROM edits WHERE owner_id = ? AND result_sha256 IS NOT NULL", userId, userId);
        String delete = "DELETE FROM users WHERE id = ?" + (notSeenSince == null ? "" : " AND last_seen_at < ?");
        try (PreparedStatement statement = c.prepareStatement(delete)) {
            statement.setString(1, userId);
            if (notSeenSince != null) {
                Timestamps.bind(statement, 2, notSeenSince);
            }
            if (statement.executeUpdate() == 0) {
                return Set.of();
            }
        }
        SortedSet<String> orphans = new TreeSet<>();
        for (String digest : digests) {
            if (strings(c, "SELECT sha256 FROM photos WHERE sha256 = ?"
                    + " UNION SELECT result_sha256 FROM edits WHERE result_sha256 = ?", digest, digest).isEmpty()) {
                orphans.add(digest);
            }
        }
        return orphans;
    }

    private static List<String> strings(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, first);
            select.setString(2, second);
            try (ResultSet rows = select.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
