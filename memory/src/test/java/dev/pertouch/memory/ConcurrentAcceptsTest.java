package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class ConcurrentAcceptsTest {

    private static final int USERS = 50;
    private static final int PHOTOS_PER_USER = 3;

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void fiftyUsersAcceptingAtOnceCorruptNothing() throws Exception {
        try (Database db = backend.open(dataDir)) {
            SceneMemory memory = new SceneMemory(db);
            Edits edits = new Edits(db);
            for (int u = 0; u < USERS; u++) {
                for (int p = 0; p < PHOTOS_PER_USER; p++) {
                    Samples.photoWithEdit(db, user(u), photo(u, p), photo(u, p) + "-first");
                    edits.insert(Samples.edit(photo(u, p) + "-second", photo(u, p), user(u), Samples.T0));
                }
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(USERS);
            try {
                List<Future<?>> accepting = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    int owner = u;
                    accepting.add(pool.submit(() -> {
                        start.await();
                        for (int p = 0; p < PHOTOS_PER_USER; p++) {
                            // each user's own taste, so a leak between users would show in the values
                            memory.remember(user(owner), photo(owner, p), photo(owner, p) + "-first", Samples.LANDSCAPE,
                                    Samples.OPEN_VIEW, Samples.warmer(owner / 100.0)).orElseThrow();
                            memory.similar(user(owner), Samples.LANDSCAPE, Samples.OPEN_VIEW, 5);
                        }
                        // a second look at the first photo, kept as well: it replaces that photo's record
                        memory.remember(user(owner), photo(owner, 0), photo(owner, 0) + "-second", Samples.LANDSCAPE,
                                Samples.OPEN_VIEW, Samples.warmer(owner / 100.0)).orElseThrow();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : accepting) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertEquals(USERS * PHOTOS_PER_USER, Samples.count(db, "scene_memories"));
            for (int u = 0; u < USERS; u++) {
                List<SceneRecord> records = memory.list(user(u));
                assertEquals(PHOTOS_PER_USER, records.size());
                Map<String, String> editOfPhoto = records.stream()
                        .collect(Collectors.toMap(SceneRecord::photoId, SceneRecord::editId));
                assertEquals(photo(u, 0) + "-second", editOfPhoto.get(photo(u, 0)));
                for (int p = 1; p < PHOTOS_PER_USER; p++) {
                    assertEquals(photo(u, p) + "-first", editOfPhoto.get(photo(u, p)));
                }
                for (SceneRecord r : records) {
                    assertEquals(Samples.warmer(u / 100.0), r.relativeState());
                    assertTrue(edits.find(r.editId(), user(u)).orElseThrow().accepted());
                }
                assertEquals(PHOTOS_PER_USER, memory.similar(user(u), Samples.LANDSCAPE, Samples.OPEN_VIEW, 10).size());
            }
        }
    }

    private static String user(int u) {
        return "user" + u;
    }

    private static String photo(int u, int p) {
        return "u" + u + "p" + p;
    }
}
