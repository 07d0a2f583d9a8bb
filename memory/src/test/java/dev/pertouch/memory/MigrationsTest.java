package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class MigrationsTest {

    private static final String APPLIED = "SELECT \"version\" FROM \"flyway_schema_history\""
            + " WHERE \"version\" IS NOT NULL AND \"success\" ORDER BY \"installed_rank\"";

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    @Test
    void everyMigrationAppliesAndCreatesItsTables() throws SQLException {
        try (Database db = backend.open(dataDir)) {
            assertEquals(List.of("1", "2", "3"), Samples.rows(db, APPLIED));
            List<String> tables = Samples.rows(db, "SELECT table_name FROM information_schema.tables"
                    + " WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND table_name <> 'flyway_schema_history'"
                    + " ORDER BY table_name").stream().map(t -> t.toLowerCase(Locale.ROOT)).sorted().toList();
            assertEquals(List.of("edits", "photos", "picked_regions", "scene_memories", "users"), tables);
        }
    }

    @Test
    void reopeningRunsNoMigrationTwice() throws SQLException {
        Backend.Location location = backend.locate(dataDir);
        location.open().close();
        try (Database db = location.open()) {
            assertEquals(List.of("1", "2", "3"), Samples.rows(db, APPLIED));
        }
    }
}
