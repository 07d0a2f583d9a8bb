package dev.pertouch.memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/** Records for tests, distinct by id and pointing at a plausible stored file. */
final class Samples {

    static final Instant T0 = Instant.parse("2025-06-01T10:15:30.123456Z");

    private Samples() {
    }

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

    /** Rows in a table, counted behind the repositories' back. */
    static long count(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
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
