package dev.pertouch.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Photo records. Every lookup is scoped to an owner: another user's photo is simply not found.
 * The owner must exist ({@link Users#ensure}) before their first photo is inserted.
 */
public final class Photos {

    static final String COLUMNS =
            "id, owner_id, sha256, extension, width, height, source_format, analysis_json, created_at";

    private final Database db;

    public Photos(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** @throws StorageException when the id is taken or the owner does not exist */
    public void insert(Photo p) {
        db.update("save photo " + p.id(),
                "INSERT INTO photos (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, p.id());
            s.setString(2, p.ownerId());
            s.setString(3, p.sha256());
            s.setString(4, p.extension());
            s.setInt(5, p.width());
            s.setInt(6, p.height());
            s.setString(7, p.sourceFormat());
            s.setString(8, p.analysisJson());
            Timestamps.bind(s, 9, p.createdAt());
        });
    }

    public Optional<Photo> find(String id, String ownerId) {
        return db.query("read photo " + id, "SELECT " + COLUMNS + " FROM photos WHERE id = ? AND owner_id = ?", s -> {
            s.setString(1, id);
            s.setString(2, ownerId);
        }, Photos::photo).stream().findFirst();
    }

    /** The owner's photos, newest first. */
    public List<Photo> listByOwner(String ownerId, int limit) {
        Database.positiveLimit(limit);
        return db.query("list the photos of user " + ownerId, "SELECT " + COLUMNS + " FROM photos WHERE owner_id = ?"
                + " ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY", s -> {
            s.setString(1, ownerId);
            s.setInt(2, limit);
        }, Photos::photo);
    }

    /** All photos of all users. */
    public long count() {
        return db.query("count photos", "SELECT COUNT(*) FROM photos", s -> { }, row -> row.getLong(1)).get(0);
    }

    static Photo photo(ResultSet row) throws SQLException {
        return new Photo(row.getString("id"), row.getString("owner_id"), row.getString("sha256"),
                row.getString("extension"), row.getInt("width"), row.getInt("height"),
                row.getString("source_format"), row.getString("analysis_json"), Timestamps.read(row, "created_at"));
    }
}
