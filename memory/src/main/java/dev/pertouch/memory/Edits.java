package dev.pertouch.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The edit history of each photo. Every lookup is scoped to an owner, and the schema lets an edit
 * belong only to a photo of the same owner.
 */
public final class Edits {

    static final String COLUMNS = "id, photo_id, owner_id, state_json, source, instruction, reply_json,"
            + " result_sha256, accepted, created_at";
    /** Accepting again keeps the first acceptance time. */
    private static final String ACCEPT =
            "UPDATE edits SET accepted = TRUE, accepted_at = COALESCE(accepted_at, ?) WHERE id = ? AND owner_id = ?";

    private final Database db;

    public Edits(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** @throws StorageException when the id is taken or the photo is not one of the owner's */
    public void insert(Edit e) {
        db.update("save edit " + e.id() + " of photo " + e.photoId(),
                "INSERT INTO edits (" + COLUMNS + ", accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, e.id());
            s.setString(2, e.photoId());
            s.setString(3, e.ownerId());
            s.setString(4, e.stateJson());
            s.setString(5, e.source());
            s.setString(6, e.instruction());
            s.setString(7, e.replyJson());
            s.setString(8, e.resultSha256());
            s.setBoolean(9, e.accepted());
            Timestamps.bind(s, 10, e.createdAt());
            Timestamps.bind(s, 11, e.accepted() ? e.createdAt() : null);
        });
    }

    public Optional<Edit> find(String id, String ownerId) {
        return db.query("read edit " + id, "SELECT " + COLUMNS + " FROM edits WHERE id = ? AND owner_id = ?", s -> {
            s.setString(1, id);
            s.setString(2, ownerId);
        }, Edits::edit).stream().findFirst();
    }

    /** The owner's edits of one photo, newest first; empty for another user's photo. */
    public List<Edit> listForPhoto(String photoId, String ownerId, int limit) {
        Database.positiveLimit(limit);
        return db.query("list the edits of photo " + photoId, "SELECT " + COLUMNS + " FROM edits"
                + " WHERE photo_id = ? AND owner_id = ? ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY", s -> {
            s.setString(1, photoId);
            s.setString(2, ownerId);
            s.setInt(3, limit);
        }, Edits::edit);
    }

    /**
     * Marks the owner's edit as kept. Accepting again changes nothing and keeps the first
     * acceptance time. {@link SceneMemory#remember} does this too, together with remembering the scene.
     *
     * @return false when the owner has no edit with this id
     */
    public boolean accept(String id, String ownerId) {
        return db.update("accept edit " + id, ACCEPT, s -> {
            Timestamps.bind(s, 1, Timestamps.now());
            s.setString(2, id);
            s.setString(3, ownerId);
        }) == 1;
    }

    /** {@link #accept} inside a caller's transaction, for an edit that must also be of {@code photoId}. */
    static boolean acceptOfPhoto(Connection c, String id, String photoId, String ownerId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(ACCEPT + " AND photo_id = ?")) {
            Timestamps.bind(update, 1, now);
            update.setString(2, id);
            update.setString(3, ownerId);
            update.setString(4, photoId);
            return update.executeUpdate() == 1;
        }
    }

    static Edit edit(ResultSet row) throws SQLException {
        return new Edit(row.getString("id"), row.getString("photo_id"), row.getString("owner_id"),
                row.getString("state_json"), row.getString("source"), row.getString("instruction"),
                row.getString("reply_json"), row.getString("result_sha256"), row.getBoolean("accepted"),
                Timestamps.read(row, "created_at"));
    }
}
