package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass
@EnumSource(Backend.class)
class UsersTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    private Database db;
    private Users users;

    @BeforeEach
    void open() {
        db = backend.open(dataDir);
        users = new Users(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aUserNeverSeenHasNoLastSeenTime() {
        assertFalse(users.lastSeen("nobody").isPresent());
    }

    @Test
    void aVisitIsRecordedWithItsTime() {
        Instant before = Instant.now();
        users.ensure("alice");
        Instant after = Instant.now();

        Instant seen = users.lastSeen("alice").orElseThrow();
        assertFalse(seen.isBefore(before.minusNanos(1000)), seen + " is before " + before);
        assertFalse(seen.isAfter(after), seen + " is after " + after);
    }

    @Test
    void aLaterVisitMovesLastSeenForwardWithoutAddingAUser() throws Exception {
        users.ensure("alice");
        Instant first = users.lastSeen("alice").orElseThrow();
        Thread.sleep(5);
        users.ensure("alice");

        assertTrue(users.lastSeen("alice").orElseThrow().isAfter(first));
        assertEquals(1, Samples.count(db, "users"));
    }

    @Test
    void firstVisitsRacingFromManyThreadsCreateEachUserOnce() throws Exception {
        int racers = 8;
        int newUsers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int u = 0; u < newUsers; u++) {
                String userId = "racer" + u;
                CyclicBarrier together = new CyclicBarrier(racers);
                List<Future<?>> visits = new ArrayList<>();
                for (int r = 0; r < racers; r++) {
                    visits.add(pool.submit(() -> {
                        together.await();
                        users.ensure(userId);
                        return null;
                    }));
                }
                for (Future<?> visit : visits) {
                    visit.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(newUsers, Samples.count(db, "users"));
    }

    @Test
    void aDisplayNameIsStoredStrippedAndCanBeRemoved() {
        users.ensure("alice");
        assertEquals(Optional.empty(), users.displayName("alice"));

        assertTrue(users.rename("alice", "  Alice Liddell \n"));
        assertEquals(Optional.of("Alice Liddell"), users.displayName("alice"));
        assertEquals("Alice Liddell", users.find("alice").orElseThrow().displayName());

        assertTrue(users.rename("alice", "   "));
        assertEquals(Optional.empty(), users.displayName("alice"));
    }

    @Test
    void renamingSomeoneUnknownCreatesNobody() throws Exception {
        assertFalse(users.rename("nobody", "Nemo"));
        assertEquals(0, Samples.count(db, "users"));
    }

    @Test
    void aNameAtTheColumnsWidthFitsAndOneMoreIsRefused() {
        users.ensure("alice");
        String longest = "\u00e9".repeat(Users.MAX_DISPLAY_NAME_LENGTH);

        assertTrue(users.rename("alice", longest));
        assertEquals(Optional.of(longest), users.displayName("alice"));
        InvalidDisplayNameException e = assertThrows(InvalidDisplayNameException.class,
                () -> users.rename("alice", longest + "x"));
        assertEquals("invalid_display_name", e.code());
        assertEquals(Optional.of(longest), users.displayName("alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ali\u0000ce", "Alice\u202Eecila", "tab\there", "\uD800broken", "\uFFFDreplaced"})
    void namesThatAreNotPlainTextAreRefused(String name) {
        users.ensure("alice");

        assertThrows(InvalidDisplayNameException.class, () -> users.rename("alice", name));
        assertEquals(Optional.empty(), users.displayName("alice"));
    }

    @Test
    void aUserRecordTellsWhenTheyCameAndWereLastSeen() {
        users.ensure("alice");
        User alice = users.find("alice").orElseThrow();

        assertEquals("alice", alice.id());
        assertEquals(alice.createdAt(), alice.lastSeenAt());
        assertEquals(Optional.of(alice.lastSeenAt()), users.lastSeen("alice"));
        assertEquals(Optional.empty(), users.find("bob"));
    }
}
