package dev.pertouch.memory;

import java.util.Objects;
import java.util.Set;

/**
 * A file in the {@link PhotoStore}, named by the SHA-256 of its bytes. Constructing one checks the
 * name, so no value that could climb out of the store's directory ever becomes a file name.
 */
public record StoredFile(String sha256, String extension, long size) {

    /** The only formats the store keeps: uploads are re-encoded to one of these before storing. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg");

    public StoredFile {
        checkName(sha256, extension);
        if (size < 0) {
            throw new IllegalArgumentException("negative file size " + size);
        }
    }

    static void checkName(String sha256, String extension) {
        checkSha256(sha256);
        checkExtension(extension);
    }

    /** Lower-case hex, exactly 64 digits: the only shape a content address has. */
    static void checkSha256(String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: '" + sha256 + "'");
        }
    }

    static void checkExtension(String extension) {
        Objects.requireNonNull(extension, "extension");
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("extension '" + extension + "' is not one of " + EXTENSIONS);
        }
    }
}
