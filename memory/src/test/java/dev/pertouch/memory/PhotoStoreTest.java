package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoStoreTest {

    private static final byte[] PIXELS = "not really a png, but bytes are bytes".getBytes(StandardCharsets.UTF_8);
    private static final String PIXELS_SHA256 = Samples.sha256Of("not really a png, but bytes are bytes");

    @TempDir
    Path root;

    @Test
    void aFileIsNamedByItsDigestInTwoLevelsOfShards() {
        StoredFile file = new PhotoStore(root).put(PIXELS, "png");

        assertEquals(new StoredFile(PIXELS_SHA256, "png", PIXELS.length), file);
        Path expected = root.resolve(PIXELS_SHA256.substring(0, 2)).resolve(PIXELS_SHA256.substring(2, 4))
                .resolve(PIXELS_SHA256 + ".png");
        assertEquals(List.of(expected), filesUnder(root));
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneFile() {
        PhotoStore store = new PhotoStore(root);
        StoredFile first = store.put(PIXELS, "png");
        StoredFile second = store.put(PIXELS, "png");

        assertEquals(first, second);
        assertEquals(1, filesUnder(root).size());
        assertArrayEquals(PIXELS, store.read(first.sha256(), "png"));
    }

    @Test
    void aDamagedFileIsReplacedWhenTheBytesArriveAgain() throws IOException {
        PhotoStore store = new PhotoStore(root);
        StoredFile file = store.put(PIXELS, "jpg");
        Files.write(filesUnder(root).get(0), new byte[] {1, 2, 3});

        store.put(PIXELS, "jpg");

        assertArrayEquals(PIXELS, store.read(file.sha256(), "jpg"));
    }

    @Test
    void readingAMissingFileNamesItAsMissing() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new PhotoStore(root).read(PIXELS_SHA256, "png"));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void deleteRemovesTheFileAndSaysWhetherThereWasOne() {
        PhotoStore store = new PhotoStore(root);
        StoredFile file = store.put(PIXELS, "png");

        assertTrue(store.delete(file.sha256(), "png"));
        assertFalse(store.delete(file.sha256(), "png"));
        assertEquals(List.of(), filesUnder(root));
    }

    @Test
    void deletingByDigestAloneRemovesTheFileWhateverItsExtension() {
        PhotoStore store = new PhotoStore(root);
        StoredFile png = store.put(PIXELS, "png");
        store.put(PIXELS, "jpg");

        assertEquals(2, store.delete(png.sha256()));
        assertEquals(0, store.delete(png.sha256()));
        assertEquals(List.of(), filesUnder(root));
        assertThrows(IllegalArgumentException.class, () -> store.delete("../../etc/passwd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", "/etc/passwd", "../../../../etc/passwd", "%2e%2e%2fetc",
        "ab/../../etc/passwd", "", "abc", "G000000000000000000000000000000000000000000000000000000000000000",
        "ABCDEF0000000000000000000000000000000000000000000000000000000000",
        "abcdef000000000000000000000000000000000000000000000000000000000/",
        "abcdef00000000000000000000000000000000000000000000000000000000000"})
    void namesThatAreNotADigestNeverReachTheFileSystem(String name) throws IOException {
        Path outside = Files.writeString(root.resolve("secret.png"), "secret");
        PhotoStore store = new PhotoStore(root.resolve("store"));

        assertThrows(IllegalArgumentException.class, () -> store.read(name, "png"));
        assertThrows(IllegalArgumentException.class, () -> store.delete(name, "png"));
        assertTrue(Files.exists(outside));
        assertFalse(Files.exists(root.resolve("store")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PNG", "svg", "html", "png/../../x", "png\u0000", "jpeg", ".png", "exe"})
    void onlyWhitelistedExtensionsAreStoredOrRead(String extension) {
        PhotoStore store = new PhotoStore(root);

        assertThrows(IllegalArgumentException.class, () -> store.put(PIXELS, extension));
        assertThrows(IllegalArgumentException.class, () -> store.read(PIXELS_SHA256, extension));
        assertEquals(List.of(), filesUnder(root));
    }

    @Test
    void concurrentPutsOfTheSameBytesLeaveOneCompleteFileAndNoLeftovers() throws Exception {
        PhotoStore store = new PhotoStore(root);
        byte[] big = new byte[2_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<StoredFile>> puts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                puts.add(threads.submit(() -> store.put(big, "png")));
            }
            StoredFile first = puts.get(0).get();
            for (Future<StoredFile> put : puts) {
                assertEquals(first, put.get());
            }
            assertEquals(1, filesUnder(root).size());
            assertArrayEquals(big, store.read(first.sha256(), "png"));
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
