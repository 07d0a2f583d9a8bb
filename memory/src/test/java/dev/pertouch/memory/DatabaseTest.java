package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseIsAFileUnderTheDataDirectory() {
        Samples.openIn(dataDir).close();
        assertTrue(Files.isRegularFile(dataDir.resolve("db").resolve("pertouch.mv.db")));
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
}
