package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class ConcurrentWritesTest {

    @Parameter
    Backend backend;

    private static final int THREADS = 8;
    private static final int PHOTOS_PER_THREAD = 15;
    private static final int EDITS_PER_PHOTO = 3;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void usersRecordingAtOnceCorruptNothing() throws Exception {
        try (Database db = backend.open(dataDir)) {
            Users users = new Users(db);
            Photos photos = new Photos(db);
            Edits edits = new Edits(db);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    // two threads share each user, so first visits race and histories interleave
                    String owner = "user" + t / 2;
                    String prefix = "t" + t + "-";
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int p = 0; p < PHOTOS_PER_THREAD; p++) {
                            users.ensure(owner);
                            String photoId = prefix + "p" + p;
                            photos.insert(Samples.photo(photoId, owner, Instant.now()));
                            for (int e = 0; e < EDITS_PER_PHOTO; e++) {
                                edits.insert(Samples.edit(photoId + "e" + e, photoId, owner, Instant.now()));
                            }
                            edits.accept(photoId + "e0", owner);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertEquals(THREADS / 2, Samples.count(db, "users"));
            assertEquals(THREADS * PHOTOS_PER_THREAD, photos.count());
            assertEquals(THREADS * PHOTOS_PER_THREAD * EDITS_PER_PHOTO, Samples.count(db, "edits"));
            for (int t = 0; t < THREADS; t++) {
                String owner = "user" + t / 2;
                assertEquals(2 * PHOTOS_PER_THREAD, photos.listByOwner(owner, 1000).size());
                for (int p = 0; p < PHOTOS_PER_THREAD; p++) {
                    String photoId = "t" + t + "-p" + p;
                    List<Edit> history = edits.listForPhoto(photoId, owner, 10);
                    assertEquals(EDITS_PER_PHOTO, history.size());
                    assertEquals(1, history.stream().filter(Edit::accepted).count());
                }
            }
        }
    }
}
