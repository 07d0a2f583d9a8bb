package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
class UserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    private Database db;
    private UserData userData;
    private PhotoStore store;

    @BeforeEach
    void open() {
        db = backend.open(dataDir);
        userData = new UserData(db);
        store = new PhotoStore(dataDir.resolve("photos"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anExportHoldsEverythingOfTheUserAndNothingOfAnyoneElse() throws Exception {
        Samples.photoWithEdit(db, "alice", "hills", "hills-warm");
        new Users(db).rename("alice", "Alice");
        new SceneMemory(db).remember("alice", "hills", "hills-warm", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3));
        Samples.photoWithEdit(db, "bob", "face", "face-bright");

        UserExport export = userData.export("alice").orElseThrow();
        JsonNode json = JSON.readTree(export.toJson());

        assertEquals("Alice", json.at("/user/displayName").asText());
        assertEquals(List.of("hills"), ids(json.get("photos")));
        assertEquals(1.0, json.at("/photos/0/analysis/regions/0/area").asDouble());
        assertEquals(List.of("hills-warm"), ids(json.get("edits")));
        assertEquals(0.2, json.at("/edits/0/state/global/brightness").asDouble());
        assertTrue(json.at("/edits/0/accepted").asBoolean());
        assertEquals(Instant.parse(json.at("/edits/0/createdAt").asText()), export.edits().get(0).createdAt());
        assertEquals(1, json.get("sceneMemory").size());
        assertEquals("landscape", json.at("/sceneMemory/0/tags/1").asText());
        assertEquals(0.3, json.at("/sceneMemory/0/relativeState/global/temperature").asDouble(), 1e-9);
        assertEquals(Samples.OPEN_VIEW.length, json.at("/sceneMemory/0/descriptor").size());
        assertFalse(export.toJson().contains("face"));
    }

    @Test
    void someoneUnknownHasNothingToExport() {
        assertEquals(Optional.empty(), userData.export("nobody"));
    }

    @Test
    void erasingAUserFreesOnlyTheFilesNobodyElseUses() throws SQLException {
        byte[] shared = "the same holiday photo".getBytes(StandardCharsets.UTF_8);
        byte[] own = "alice's own photo".getBytes(StandardCharsets.UTF_8);
        byte[] result = "alice's retouched result".getBytes(StandardCharsets.UTF_8);
        StoredFile sharedFile = store.put(shared, "jpg");
        StoredFile ownFile = store.put(own, "png");
        StoredFile resultFile = store.put(result, "png");
        Users users = new Users(db);
        users.ensure("alice");
        users.ensure("bob");
        Photos photos = new Photos(db);
        photos.insert(photoOf("alice-shared", "alice", sharedFile));
        photos.insert(photoOf("alice-own", "alice", ownFile));
        photos.insert(photoOf("bob-shared", "bob", sharedFile));
        new Edits(db).insert(new Edit("e1", "alice-own", "alice", "{}", "slider", null, null, resultFile.sha256(),
                false, Samples.T0));
        new SceneMemory(db).remember("alice", "alice-own", "e1", Samples.LANDSCAPE, Samples.OPEN_VIEW,
                Samples.warmer(0.3));

        Set<String> freed = userData.deleteUser("alice");
        freed.forEach(store::delete);

        assertEquals(Set.of(ownFile.sha256(), resultFile.sha256()), freed);
        assertEquals(Optional.empty(), users.find("alice"));
        assertEquals(1, photos.count());
        assertEquals(0, Samples.count(db, "edits"));
        assertEquals(0, Samples.count(db, "scene_memories"));
        assertEquals(List.of("bob-shared"), photos.listByOwner("bob", 10).stream().map(Photo::id).toList());
        assertEquals(shared.length, store.read(sharedFile.sha256(), "jpg").length);
        assertThrows(UncheckedIOException.class, () -> store.read(ownFile.sha256(), "png"));
        assertThrows(UncheckedIOException.class, () -> store.read(resultFile.sha256(), "png"));
        assertEquals(Set.of(), userData.deleteUser("alice"));
    }

    @Test
    void retentionErasesOnlyThoseNotSeenForThePeriod() throws SQLException {
        Samples.photoWithEdit(db, "gone", "old-photo", "old-edit");
        Samples.photoWithEdit(db, "named-but-gone", "named-photo", "named-edit");
        new Users(db).rename("named-but-gone", "Nora");
        Samples.photoWithEdit(db, "recent", "new-photo", "new-edit");
        lastSeen("gone", Duration.ofDays(40));
        lastSeen("named-but-gone", Duration.ofDays(31));
        lastSeen("recent", Duration.ofDays(29));

        Set<String> freed = userData.pruneAnonymous(Duration.ofDays(30));

        assertEquals(Set.of(Samples.sha256Of("old-photo"), Samples.sha256Of("old-edit/result"),
                Samples.sha256Of("named-photo"), Samples.sha256Of("named-edit/result")), freed);
        assertEquals(List.of("recent"), Samples.rows(db, "SELECT id FROM users"));
        assertEquals(List.of("new-photo"), Samples.rows(db, "SELECT id FROM photos"));
        assertEquals(Set.of(), userData.pruneAnonymous(Duration.ofDays(30)));
    }

    private void lastSeen(String userId, Duration ago) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE users SET last_seen_at = ? WHERE id = ?")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(ago));
            update.setString(2, userId);
            update.executeUpdate();
        }
    }

    private static Photo photoOf(String id, String ownerId, StoredFile file) {
        return new Photo(id, ownerId, file.sha256(), file.extension(), 640, 480, "jpeg", null, Samples.T0);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(element -> ids.add(element.get("id").asText()));
        return ids;
    }
}
