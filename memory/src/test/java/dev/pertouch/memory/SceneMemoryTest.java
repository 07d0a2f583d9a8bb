package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class SceneMemoryTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    private Database db;
    private SceneMemory memory;
    private Edits edits;

    @BeforeEach
    void open() {
        db = backend.open(dataDir);
        memory = new SceneMemory(db);
        edits = new Edits(db);
        Samples.photoWithEdit(db, "alice", "hills", "hills-warm");
        edits.insert(Samples.edit("hills-cool", "hills", "alice", Samples.T0));
        Samples.photoWithEdit(db, "alice", "lake", "lake-warm");
        Samples.photoWithEdit(db, "bob", "face", "face-bright");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void acceptingRemembersTheSceneAndMarksTheEditKept() {
        SceneRecord record = memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3)).orElseThrow();

        assertTrue(edits.find("hills-warm", "alice").orElseThrow().accepted());
        assertEquals(List.of(record), memory.list("alice"));
        SceneRecord stored = memory.list("alice").get(0);
        assertEquals(List.of("greenery", "landscape", "sky"), List.copyOf(stored.tags()));
        assertArrayEquals(Samples.OPEN_VIEW, stored.descriptor());
        assertEquals(Samples.warmer(0.3), stored.relativeState());
        assertEquals(Map.of(), stored.relativeState().get("sky"));
    }

    @Test
    void anotherUsersEditIsNeitherAcceptedNorRemembered() throws SQLException {
        assertEquals(Optional.empty(), memory.remember("bob", "hills", "hills-warm", Samples.LANDSCAPE,
                Samples.OPEN_VIEW, Samples.warmer(0.3)));

        assertFalse(edits.find("hills-warm", "alice").orElseThrow().accepted());
        assertEquals(0, Samples.count(db, "scene_memories"));
    }

    @Test
    void anEditNamedWithTheWrongPhotoIsRefused() throws SQLException {
        assertEquals(Optional.empty(), memory.remember("alice", "lake", "hills-warm", Samples.LANDSCAPE,
                Samples.OPEN_VIEW, Samples.warmer(0.3)));

        assertFalse(edits.find("hills-warm", "alice").orElseThrow().accepted());
        assertEquals(0, Samples.count(db, "scene_memories"));
    }

    @Test
    void acceptingTheSameEditAgainKeepsTheFirstRecord() {
        SceneRecord first = memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3)).orElseThrow();
        SceneRecord again = memory.remember("alice", "hills", "hills-warm", Samples.PORTRAIT, Samples.FACE,
                Samples.warmer(0.1)).orElseThrow();

        assertEquals(first, again);
        assertEquals(List.of(first), memory.list("alice"));
    }

    @Test
    void acceptingAnotherEditOfThePhotoReplacesItsRecord() {
        memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW, Samples.warmer(0.3));
        SceneRecord newer = memory.remember("alice", "hills", "hills-cool", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(-0.2)).orElseThrow();

        assertEquals(List.of(newer), memory.list("alice"));
        assertEquals("hills-cool", newer.editId());
        assertTrue(edits.find("hills-warm", "alice").orElseThrow().accepted());
        assertTrue(edits.find("hills-cool", "alice").orElseThrow().accepted());
    }

    @Test
    void aRecordTheDatabaseRefusesLeavesTheEditUnaccepted() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("ALTER TABLE scene_memories ADD CONSTRAINT refuse_night"
                    + " CHECK (tags NOT LIKE '%night%')");
        }

        assertThrows(StorageException.class, () -> memory.remember("alice", "hills", "hills-warm",
                Set.of("landscape", "night"), Samples.OPEN_VIEW, Samples.warmer(0.3)));

        assertFalse(edits.find("hills-warm", "alice").orElseThrow().accepted());
        assertEquals(List.of(), memory.list("alice"));
    }

    @Test
    void malformedScenesAreRefusedBeforeAnythingIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> memory.remember("alice", "hills", "hills-warm",
                Set.of("Landscape!"), Samples.OPEN_VIEW, Samples.warmer(0.3)));
        assertThrows(IllegalArgumentException.class, () -> memory.remember("alice", "hills", "hills-warm",
                Samples.LANDSCAPE, new float[] {Float.NaN}, Samples.warmer(0.3)));
        assertThrows(IllegalArgumentException.class, () -> memory.remember("alice", "hills", "hills-warm",
                Samples.LANDSCAPE, Samples.OPEN_VIEW, Map.of("global", Map.of("temperature", 2.5))));

        assertFalse(edits.find("hills-warm", "alice").orElseThrow().accepted());
    }

    @Test
    void similarScenesComeMostSimilarFirstAndWeakMatchesAreLeftOut() {
        Samples.photoWithEdit(db, "alice", "selfie", "selfie-bright");
        SceneRecord hills = memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3)).orElseThrow();
        SceneRecord lake = memory.remember("alice", "lake", "lake-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW_AT_DUSK,
                Samples.warmer(0.25)).orElseThrow();
        memory.remember("alice", "selfie", "selfie-bright", Samples.PORTRAIT, Samples.FACE, Samples.warmer(0.0));

        List<SimilarScene> found = memory.similar("alice", Samples.LANDSCAPE, Samples.OPEN_VIEW, 10);

        assertEquals(List.of(hills, lake), found.stream().map(SimilarScene::record).toList());
        assertEquals(1.0, found.get(0).similarity(), 1e-6);
        assertEquals(SceneMemory.similarity(Samples.LANDSCAPE, Samples.OPEN_VIEW, Samples.LANDSCAPE,
                Samples.OPEN_VIEW_AT_DUSK), found.get(1).similarity(), 1e-9);
        assertEquals(List.of(hills), memory.similar("alice", Samples.LANDSCAPE, Samples.OPEN_VIEW, 1).stream()
                .map(SimilarScene::record).toList());
    }

    @Test
    void oneUsersScenesNeverAnswerAnother() {
        memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW, Samples.warmer(0.3));

        assertEquals(List.of(), memory.similar("bob", Samples.LANDSCAPE, Samples.OPEN_VIEW, 10));
        assertEquals(List.of(), memory.list("bob"));
    }

    @Test
    void forgettingRemovesOnlyTheOwnersRecordAndKeepsTheEditAccepted() {
        SceneRecord hills = memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3)).orElseThrow();

        assertFalse(memory.forget("bob", hills.id()));
        assertEquals(List.of(hills), memory.list("alice"));
        assertTrue(memory.forget("alice", hills.id()));
        assertFalse(memory.forget("alice", hills.id()));
        assertEquals(List.of(), memory.list("alice"));
        assertTrue(edits.find("hills-warm", "alice").orElseThrow().accepted());
    }

    @Test
    void aForgottenPhotoIsRememberedAgainWhenItsEditIsAcceptedAgain() {
        SceneRecord first = memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3)).orElseThrow();
        memory.forget("alice", first.id());

        SceneRecord again = memory.remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3)).orElseThrow();

        assertNotEquals(first.id(), again.id());
        assertEquals(List.of(again), memory.list("alice"));
    }
}
