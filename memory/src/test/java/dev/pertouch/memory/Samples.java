package dev.pertouch.memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records for tests, distinct by id and pointing at a plausible stored file. */
final class Samples {

    static final Instant T0 = Instant.parse("2025-06-01T10:15:30.123456Z");

    private Samples() {
    }

    static final Set<String> LANDSCAPE = Set.of("greenery", "landscape", "sky");
    static final Set<String> PORTRAIT = Set.of("portrait");
    /** Descriptors in the shape scene descriptions have: region areas, then measured values. */
    static final float[] OPEN_VIEW = {0f, 0f, 0.4f, 0.6f, 0f, 0f, 0.1f, 0.2f, -0.3f, 0.4f};
    static final float[] OPEN_VIEW_AT_DUSK = {0f, 0f, 0.5f, 0.5f, 0f, 0f, -0.2f, 0.1f, 0.5f, -0.4f};
    static final float[] FACE = {0.5f, 0.45f, 0f, 0f, 0f, 0.5f, 0.3f, 0.1f, 0.4f, 0.1f};

    static Database openIn(Path dataDir) {
        return Database.open(Database.h2FileUrl(dataDir), "sa", "");
    }

    static Photo photo(String id, String ownerId, Instant createdAt) {
        return new Photo(id, ownerId, sha256Of(id), "png", 640, 480, "jpeg",
                "{\"regions\":[{\"id\":\"global\",\"area\":1.0}]}", createdAt);
    }

    static Edit edit(String id, String photoId, String ownerId, Instant createdAt) {
        return new Edit(id, photoId, ownerId, "{\"global\":{\"brightness\":0.2}}", "instruction", "brighter",
                "{\"kind\":\"strong\"}", sha256Of(id + "/result"), false, createdAt);
    }

    /** A look kept for a photo: the whole photo warmer by {@code delta}, the sky left as it was. */
    static Map<String, Map<String, Double>> warmer(double delta) {
        Map<String, Map<String, Double>> state = new LinkedHashMap<>();
        state.put("global", Map.of("temperature", delta));
        state.put("sky", Map.of());
        return state;
    }

    /** Stores a photo of the owner with one edit, as an upload followed by a retouch does. */
    static void photoWithEdit(Database db, String ownerId, String photoId, String editId) {
        new Users(db).ensure(ownerId);
        new Photos(db).insert(photo(photoId, ownerId, Instant.now()));
        new Edits(db).insert(edit(editId, photoId, ownerId, Instant.now()));
    }

    /** Rows in a table, counted behind the repositories' back. */
    static long count(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of every row a query returns, as text. */
    static List<String> rows(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    static String sha256Of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
