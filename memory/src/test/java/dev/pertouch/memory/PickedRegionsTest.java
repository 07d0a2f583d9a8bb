package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
class PickedRegionsTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    private Database db;
    private PickedRegions regions;

    @BeforeEach
    void open() {
        db = backend.open(dataDir);
        regions = new PickedRegions(db);
        new Users(db).ensure("alice");
        new Users(db).ensure("bob");
        new Photos(db).insert(Samples.photo("p1", "alice", Samples.T0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPickedRegionReadsBackAndAnotherPickOfTheSameIdReplacesIt() {
        regions.save(new PickedRegion("p1", "alice", "pick", "your selection", new byte[] {1, 2, 3}, Samples.T0));
        regions.save(new PickedRegion("p1", "alice", "pick", "your selection", new byte[] {4, 5}, Samples.T0));

        List<PickedRegion> stored = regions.list("p1", "alice");
        assertEquals(1, stored.size());
        assertArrayEquals(new byte[] {4, 5}, stored.get(0).maskPng());
        assertEquals(List.of(), regions.list("p1", "bob"));
    }

    @Test
    void erasingTheUserTakesTheirPickedRegionsWithThePhoto() {
        regions.save(new PickedRegion("p1", "alice", "pick", "your selection", new byte[] {1}, Samples.T0));
        new UserData(db).deleteUser("alice");
        assertEquals(List.of(), regions.list("p1", "alice"));
    }
}
