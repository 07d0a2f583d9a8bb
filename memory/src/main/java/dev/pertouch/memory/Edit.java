package dev.pertouch.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One retouch of a photo: the edit state as JSON, where it came from, the agent's reply for
 * instructions, the stored result and whether the user kept it. {@code instruction},
 * {@code replyJson} and {@code resultSha256} may be null.
 */
public record Edit(String id, String photoId, String ownerId, String stateJson, String source,
                   String instruction, String replyJson, String resultSha256, boolean accepted, Instant createdAt) {

    /** Sliders on the page, a plain-words instruction, or a direct API call. */
    public static final Set<String> SOURCES = Set.of("slider", "instruction", "api", "suggestion");

    public Edit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(photoId, "photoId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(stateJson, "stateJson");
        if (!SOURCES.contains(Objects.requireNonNull(source, "source"))) {
            throw new IllegalArgumentException("edit source '" + source + "' is not one of " + SOURCES);
        }
        if (resultSha256 != null) {
            StoredFile.checkSha256(resultSha256);
        }
        createdAt = Timestamps.storable(Objects.requireNonNull(createdAt, "createdAt"));
    }
}
