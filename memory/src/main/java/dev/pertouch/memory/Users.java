package dev.pertouch.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The anonymous identities that own photos and edits, their display names, and when each was last seen. */
public final class Users {

    /** SQLSTATE for a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";
    /** The width of {@code users.display_name}. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

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

    public Optional<User> find(String userId) {
        return db.query("read user " + userId, "SELECT id, display_name, created_at, last_seen_at FROM users WHERE id = ?",
                s -> s.setString(1, userId), Users::user).stream().findFirst();
    }

    /**
     * Sets the name the user is greeted by; null or blank removes it. Surrounding white space is
     * dropped.
     *
     * @return false when there is no such user
     * @throws InvalidDisplayNameException for a name longer than {@value #MAX_DISPLAY_NAME_LENGTH}
     *         characters or one holding control characters
     */
    public boolean rename(String userId, String displayName) {
        String name = checkDisplayName(displayName);
        return db.update("rename user " + userId, "UPDATE users SET display_name = ? WHERE id = ?", s -> {
            s.setString(1, name);
            s.setString(2, userId);
        }) == 1;
    }

    /** The user's display name; empty when they have none or do not exist. */
    public Optional<String> displayName(String userId) {
        return find(userId).map(User::displayName);
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

    /** The name as stored: stripped, null when blank. */
    private static String checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        String name = displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidDisplayNameException("A display name is at most " + MAX_DISPLAY_NAME_LENGTH
                    + " characters long; this one has " + name.length() + ".");
        }
        // control and format characters would let a name rewrite how the page around it reads
        boolean unprintable = name.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                || cp == 0xFFFD);
        if (unprintable) {
            throw new InvalidDisplayNameException("A display name must be plain printable text.");
        }
        return name;
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString("id"), row.getString("display_name"), Timestamps.read(row, "created_at"),
                Timestamps.read(row, "last_seen_at"));
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
