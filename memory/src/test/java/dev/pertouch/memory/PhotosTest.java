package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class PhotosTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    private Database db;
    private Photos photos;

    @BeforeEach
    void open() {
        db = backend.open(dataDir);
        photos = new Photos(db);
        new Users(db).ensure("alice");
        new Users(db).ensure("bob");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPhotoReadsBackAsItWasWritten() {
        Photo photo = new Photo("p1", "alice", Samples.sha256Of("p1"), "jpg", 4000, 3000, "jpeg", null,
                Instant.parse("2025-06-01T10:15:30.123456789Z"));
        photos.insert(photo);

        Photo stored = photos.find("p1", "alice").orElseThrow();
        assertEquals(photo, stored);
        assertEquals(Instant.parse("2025-06-01T10:15:30.123456Z"), stored.createdAt());
    }

    @Test
    void anotherUsersPhotoIsNotFound() {
        photos.insert(Samples.photo("p1", "alice", Samples.T0));

        assertFalse(photos.find("p1", "bob").isPresent());
        assertEquals(List.of(), photos.listByOwner("bob", 10));
    }

    @Test
    void anOwnersPhotosListNewestFirstUpToTheLimit() {
        photos.insert(Samples.photo("old", "alice", Samples.T0));
        photos.insert(Samples.photo("newest", "alice", Samples.T0.plusSeconds(20)));
        photos.insert(Samples.photo("middle", "alice", Samples.T0.plusSeconds(10)));
        photos.insert(Samples.photo("bobs", "bob", Samples.T0.plusSeconds(15)));

        assertEquals(List.of("newest", "middle"), photos.listByOwner("alice", 2).stream().map(Photo::id).toList());
        assertEquals(4, photos.count());
    }

    @Test
    void aPhotoOfAnUnknownUserIsRefused() {
        assertThrows(StorageException.class, () -> photos.insert(Samples.photo("p1", "mallory", Samples.T0)));
        assertEquals(0, photos.count());
    }

    @Test
    void aPhotoIdIsNeverReused() {
        photos.insert(Samples.photo("p1", "alice", Samples.T0));

        assertThrows(StorageException.class, () -> photos.insert(Samples.photo("p1", "bob", Samples.T0)));
        assertEquals("alice", photos.find("p1", "alice").orElseThrow().ownerId());
    }

    @Test
    void aListNeedsAPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> photos.listByOwner("alice", 0));
    }
}
