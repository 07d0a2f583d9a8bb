package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void openingCreatesTheSchemaInAFileUnderTheDataDirectory() throws SQLException {
        try (Database db = Samples.openIn(dataDir)) {
            assertEquals(List.of("EDITS", "PHOTOS", "USERS"), rows(db,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                            + " AND table_name <> 'flyway_schema_history' ORDER BY table_name"));
            assertEquals(List.of("1"), rows(db,
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL AND \"success\""));
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("db").resolve("pertouch.mv.db")));
    }

    @Test
    void reopeningRunsNoMigrationTwice() throws SQLException {
        Samples.openIn(dataDir).close();
        try (Database db = Samples.openIn(dataDir)) {
            assertEquals(List.of("1"), rows(db, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'"));
        }
    }

    @Test
    void recordsSurviveARestart() {
        Photo photo = Samples.photo("p1", "alice", Samples.T0);
        Edit edit = Samples.edit("e1", "p1", "alice", Samples.T0.plusSeconds(5));
        try (Database db = Samples.openIn(dataDir)) {
            new Users(db).ensure("alice");
            new Photos(db).insert(photo);
            new Edits(db).insert(edit);
            new Edits(db).accept("e1", "alice");
        }
        try (Database db = Samples.openIn(dataDir)) {
            assertTrue(new Users(db).lastSeen("alice").isPresent());
            assertEquals(photo, new Photos(db).find("p1", "alice").orElseThrow());
            assertEquals(new Edit("e1", "p1", "alice", edit.stateJson(), edit.source(), edit.instruction(),
                    edit.replyJson(), edit.resultSha256(), true, edit.createdAt()), new Edits(db).find("e1", "alice").orElseThrow());
        }
    }

    @Test
    void onlyH2AndPostgresqlAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> Database.open("jdbc:mysql://localhost/pertouch", "u", "p"));
    }

    @Test
    void aDataDirectoryThatWouldInjectH2SettingsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Database.h2FileUrl(dataDir.resolve("x;INIT=RUNSCRIPT FROM 'evil'")));
    }

    private static List<String> rows(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
