package dev.pertouch.agent.scene;

import dev.pertouch.inference.EditState;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.memory.Database;
import dev.pertouch.memory.Edit;
import dev.pertouch.memory.Edits;
import dev.pertouch.memory.Photo;
import dev.pertouch.memory.Photos;
import dev.pertouch.memory.SceneMemory;
import dev.pertouch.memory.SceneRecord;
import dev.pertouch.memory.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static dev.pertouch.inference.Attribute.TEMPERATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learning from accepted edits, end to end: real photos measured by the engine, a real database, the describer. */
class TasteMemoryTest {
    /** "About 0.3": what a person's hand on the warmth slider actually gives, photo after photo. */
    private static final double[] ALICE_WARMS_BY = {0.27, 0.33, 0.31, 0.26, 0.34};
    private static final double[] BOB_COOLS_BY = {-0.22, -0.18, -0.2, -0.21, -0.19};

    private static RetouchEngine engine;
    private static final Map<String, PhotoAnalysis> ANALYSES = new HashMap<>();

    @TempDir
    Path dataDir;

    private Database db;
    private TasteMemory taste;

    @BeforeAll
    static void measureThePhotos() {
        engine = RetouchEngine.create(EngineConfig.defaults());
        for (String name : Landscapes.FIRST_FIVE) {
            ANALYSES.put(name, Landscapes.analyze(engine, name));
        }
        ANALYSES.put(Landscapes.SIXTH, Landscapes.analyze(engine, Landscapes.SIXTH));
        ANALYSES.put(Landscapes.PORTRAIT, Landscapes.analyze(engine, Landscapes.PORTRAIT));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dataDir), "sa", "");
        taste = new TasteMemory(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aUserWhoWarmsLandscapesByAboutAThirdGetsThatSuggestedForTheSixth() {
        PhotoAnalysis sixth = ANALYSES.get(Landscapes.SIXTH);
        assertEquals(Optional.empty(), taste.suggest("alice", sixth));

        keepFiveLandscapes("alice", ALICE_WARMS_BY);
        Suggestion suggestion = taste.suggest("alice", sixth).orElseThrow();

        double suggestedWarming = suggestion.state().get("global", TEMPERATURE).orElseThrow()
                - sixth.baseline().value("global", TEMPERATURE);
        assertEquals(0.3, suggestedWarming, 0.1);
        assertEquals(List.of("global"), regions(suggestion.state()));
        assertEquals(Set.of(TEMPERATURE), suggestion.state().targets("global").keySet());
        assertTrue(suggestion.basedOn() >= 3 && suggestion.basedOn() <= 5, suggestion.summary());
        assertEquals("Suggested from " + suggestion.basedOn() + " of your similar photos", suggestion.summary());
    }

    @Test
    void anotherUsersHabitNeitherLeaksInNorIsDisturbed() {
        PhotoAnalysis sixth = ANALYSES.get(Landscapes.SIXTH);
        keepFiveLandscapes("alice", ALICE_WARMS_BY);
        keepFiveLandscapes("bob", BOB_COOLS_BY);

        double own = sixth.baseline().value("global", TEMPERATURE);
        assertEquals(0.3, taste.suggest("alice", sixth).orElseThrow().state().get("global", TEMPERATURE)
                .orElseThrow() - own, 0.1);
        assertEquals(-0.2, taste.suggest("bob", sixth).orElseThrow().state().get("global", TEMPERATURE)
                .orElseThrow() - own, 0.1);
        assertEquals(Optional.empty(), taste.suggest("carol", sixth));
    }

    @Test
    void aLandscapeHabitIsNotSuggestedForAPortrait() {
        keepFiveLandscapes("alice", ALICE_WARMS_BY);

        assertEquals(Optional.empty(), taste.suggest("alice", ANALYSES.get(Landscapes.PORTRAIT)));
    }

    @Test
    void forgettingTheRecordsASuggestionCameFromWithdrawsIt() {
        PhotoAnalysis sixth = ANALYSES.get(Landscapes.SIXTH);
        keepFiveLandscapes("alice", ALICE_WARMS_BY);
        SceneMemory memory = new SceneMemory(db);

        for (String recordId : taste.suggest("alice", sixth).orElseThrow().recordIds()) {
            assertTrue(memory.forget("alice", recordId));
        }

        assertEquals(Optional.empty(), taste.suggest("alice", sixth));
    }

    @Test
    void theRecordHoldsTheKeptLookRelativeToThePhotosOwnValues() {
        PhotoAnalysis hills = ANALYSES.get("aitzgorri.jpg");
        EditState kept = EditState.empty()
                .with("global", BRIGHTNESS, 0.5, hills.baseline())
                .with("sky", TEMPERATURE, -0.4, hills.baseline());
        store("alice", "hills", "hills-kept", kept);

        SceneRecord record = taste.accept("alice", "hills", "hills-kept", hills, kept).orElseThrow();

        assertEquals(Set.of("greenery", "landscape", "sky"), record.tags());
        assertEquals(List.of("global", "sky", "vegetation"), List.copyOf(record.relativeState().keySet()));
        assertEquals(0.5 - hills.baseline().value("global", BRIGHTNESS),
                record.relativeState().get("global").get("brightness"), 1e-9);
        assertEquals(-0.4 - hills.baseline().value("sky", TEMPERATURE),
                record.relativeState().get("sky").get("temperature"), 1e-9);
        assertEquals(Map.of(), record.relativeState().get("vegetation"));
        assertTrue(new Edits(db).find("hills-kept", "alice").orElseThrow().accepted());
    }

    @Test
    void acceptingAnEditOfSomeoneElseRemembersNothing() {
        PhotoAnalysis hills = ANALYSES.get("aitzgorri.jpg");
        EditState kept = EditState.empty().with("global", TEMPERATURE, 0.2, hills.baseline());
        store("alice", "hills", "hills-kept", kept);
        new Users(db).ensure("mallory");

        assertEquals(Optional.empty(), taste.accept("mallory", "hills", "hills-kept", hills, kept));
        assertEquals(List.of(), new SceneMemory(db).list("alice"));
    }

    /** The user uploads each of the five landscapes, warms (or cools) it by their amount, and keeps the result. */
    private void keepFiveLandscapes(String user, double[] temperatureChange) {
        for (int i = 0; i < Landscapes.FIRST_FIVE.size(); i++) {
            String name = Landscapes.FIRST_FIVE.get(i);
            PhotoAnalysis photo = ANALYSES.get(name);
            double own = photo.baseline().value("global", TEMPERATURE);
            EditState kept = EditState.empty().with("global", TEMPERATURE,
                    Math.max(-1, Math.min(1, own + temperatureChange[i])), photo.baseline());
            String photoId = user + "-" + name;
            store(user, photoId, photoId + "-edit", kept);
            taste.accept(user, photoId, photoId + "-edit", photo, kept).orElseThrow();
        }
    }

    /** What the server stores when a user uploads a photo and retouches it. */
    private void store(String user, String photoId, String editId, EditState state) {
        new Users(db).ensure(user);
        new Photos(db).insert(new Photo(photoId, user, "a".repeat(64), "jpg", 1280, 852, "jpeg", null, Instant.now()));
        new Edits(db).insert(new Edit(editId, photoId, user, state.toJson(), "slider", null, null, null, false,
                Instant.now()));
    }

    private static List<String> regions(EditState state) {
        return StreamSupport.stream(state.regions().spliterator(), false).toList();
    }
}
