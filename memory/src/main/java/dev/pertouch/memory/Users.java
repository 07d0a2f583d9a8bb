package dev.pertouch.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The anonymous identities that own photos and edits, and when each was last seen. */
public final class Users {

    /** SQLSTATE for a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    private final Database db;

    public Users(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Records a visit: creates the user on the first one, otherwise moves its last-seen time forward. */
    public void ensure(String userId) {
        Objects.requireNonNull(userId, "userId");
        Instant now = Timestamps.now();
        db.inTransaction("record a visit of user " + userId, c -> {
            if (touch(c, userId, now) == 0) {
                // two first requests of one browser can race to create it: the loser only touches
                Savepoint beforeInsert = c.setSavepoint();
                try {
                    insert(c, userId, now);
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(beforeInsert);
                    touch(c, userId, now);
                }
            }
            return null;
        });
    }

    public Optional<Instant> lastSeen(String userId) {
        return db.query("read when user " + userId + " was last seen", "SELECT last_seen_at FROM users WHERE id = ?",
                s -> s.setString(1, userId), row -> Timestamps.read(row, "last_seen_at")).stream().findFirst();
    }

    // GREATEST: concurrent visits may commit out of order, and last-seen must never move back
    private static int touch(Connection c, String userId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE users SET last_seen_at = GREATEST(last_seen_at, ?) WHERE id = ?")) {
            Timestamps.bind(update, 1, now);
            update.setString(2, userId);
            return update.executeUpdate();
        }
    }

    private static void insert(Connection c, String userId, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO users (id, created_at, last_seen_at) VALUES (?, ?, ?)")) {
            insert.setString(1, userId);
            Timestamps.bind(insert, 2, now);
            Timestamps.bind(insert, 3, now);
            insert.executeUpdate();
        }
    }
}
