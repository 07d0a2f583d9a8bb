package dev.pertouch.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Image files under one directory, content-addressed: {@code ab/cd/abcd....png} for the SHA-256
 * {@code abcd...}. Callers name a file only by digest and extension, both checked by
 * {@link StoredFile}, so no caller-supplied path ever reaches the file system. Sharding keeps
 * directories small; writes are atomic, so a reader (or a restart after a crash) sees either no
 * file or the whole file.
 */
public final class PhotoStore {

    private final Path root;

    public PhotoStore(Path dir) {
        this.root = dir.toAbsolutePath().normalize();
    }

    /**
     * Stores {@code bytes} under their digest. Storing the same bytes again writes nothing and
     * returns the same {@link StoredFile}.
     *
     * @throws IllegalArgumentException for an extension outside {@link StoredFile#EXTENSIONS}
     * @throws UncheckedIOException when the file system fails
     */
    public StoredFile put(byte[] bytes, String extension) {
        StoredFile file = new StoredFile(sha256(bytes), extension, bytes.length);
        Path target = pathOf(file.sha256(), extension);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return file;
            }
            Path dir = Files.createDirectories(target.getParent());
            // the temporary name can never pass checkName, so a half-written file is never served
            Path incoming = Files.createTempFile(dir, ".incoming-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    // contents reach the disk before the name does, so a crash cannot leave a short file
                    channel.force(true);
                }
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException sameContentStoredMeanwhile) {
                return file;
            } finally {
                Files.deleteIfExists(incoming);
            }
            syncDirectory(dir);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + file.sha256() + "." + extension, e);
        }
    }

    /**
     * The stored bytes.
     *
     * @throws IllegalArgumentException for a malformed digest or extension
     * @throws UncheckedIOException with a {@link NoSuchFileException} cause when nothing is stored under that name
     */
    public byte[] read(String sha256, String extension) {
        Path path = pathOf(sha256, extension);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stored file " + sha256 + "." + extension, e);
        }
    }

    /**
     * Removes a stored file; false when there was none.
     *
     * @throws IllegalArgumentException for a malformed digest or extension
     */
    public boolean delete(String sha256, String extension) {
        Path path = pathOf(sha256, extension);
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete stored file " + sha256 + "." + extension, e);
        }
    }

    /**
     * Removes the file with this digest whatever its extension, as erasing a user's data needs:
     * the database keeps a result file's digest but not its format.
     *
     * @return how many files were removed
     * @throws IllegalArgumentException for a malformed digest
     */
    public int delete(String sha256) {
        StoredFile.checkSha256(sha256);
        int removed = 0;
        for (String extension : StoredFile.EXTENSIONS) {
            if (delete(sha256, extension)) {
                removed++;
            }
        }
        return removed;
    }

    private Path pathOf(String sha256, String extension) {
        StoredFile.checkName(sha256, extension);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + "." + extension);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Makes the new directory entry itself durable, not only the file's contents. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException platformCannotOpenDirectories) {
            // Windows refuses to open a directory; its rename is still atomic, only less durable
        }
    }
}
