package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class EditsTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    private Database db;
    private Edits edits;

    @BeforeEach
    void open() {
        db = backend.open(dataDir);
        edits = new Edits(db);
        Users users = new Users(db);
        users.ensure("alice");
        users.ensure("bob");
        Photos photos = new Photos(db);
        photos.insert(Samples.photo("alices", "alice", Samples.T0));
        photos.insert(Samples.photo("bobs", "bob", Samples.T0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEditReadsBackAsItWasWritten() {
        Edit slider = new Edit("e1", "alices", "alice", "{\"global\":{\"contrast\":-0.4}}", "slider", null, null, null,
                false, Samples.T0);
        edits.insert(slider);

        assertEquals(slider, edits.find("e1", "alice").orElseThrow());
    }

    @Test
    void aPhotosHistoryListsNewestFirstUpToTheLimit() {
        edits.insert(Samples.edit("first", "alices", "alice", Samples.T0));
        edits.insert(Samples.edit("third", "alices", "alice", Samples.T0.plusSeconds(2)));
        edits.insert(Samples.edit("second", "alices", "alice", Samples.T0.plusSeconds(1)));

        assertEquals(List.of("third", "second"), edits.listForPhoto("alices", "alice", 2).stream().map(Edit::id).toList());
    }

    @Test
    void anotherUsersEditsAreNeitherFoundNorListedNorAccepted() {
        edits.insert(Samples.edit("e1", "alices", "alice", Samples.T0));

        assertFalse(edits.find("e1", "bob").isPresent());
        assertEquals(List.of(), edits.listForPhoto("alices", "bob", 10));
        assertFalse(edits.accept("e1", "bob"));
        assertFalse(edits.find("e1", "alice").orElseThrow().accepted());
    }

    @Test
    void anEditCannotBeFiledUnderAnotherUsersPhoto() {
        assertThrows(StorageException.class, () -> edits.insert(Samples.edit("e1", "alices", "bob", Samples.T0)));
        assertFalse(edits.find("e1", "bob").isPresent());
    }

    @Test
    void acceptingKeepsTheEditAndIsHarmlessTwice() {
        edits.insert(Samples.edit("e1", "alices", "alice", Samples.T0));

        assertTrue(edits.accept("e1", "alice"));
        assertTrue(edits.accept("e1", "alice"));
        assertTrue(edits.find("e1", "alice").orElseThrow().accepted());
        assertFalse(edits.accept("missing", "alice"));
    }

    @Test
    void anUnknownSourceIsRefusedBeforeItIsStored() {
        assertThrows(IllegalArgumentException.class, () -> new Edit("e1", "alices", "alice", "{}", "telepathy",
                null, null, null, false, Samples.T0));
    }
}
