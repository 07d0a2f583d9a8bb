package dev.pertouch.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * An uploaded photo: who owns it, which stored file holds its re-encoded pixels, and the analysis
 * (regions and their measured values) as JSON. {@code analysisJson} may be null until analysed.
 */
public record Photo(String id, String ownerId, String sha256, String extension, int width, int height,
                    String sourceFormat, String analysisJson, Instant createdAt) {

    public Photo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        StoredFile.checkName(sha256, extension);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a photo has a positive size, not " + width + "x" + height);
        }
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        createdAt = Timestamps.storable(Objects.requireNonNull(createdAt, "createdAt"));
    }
}
