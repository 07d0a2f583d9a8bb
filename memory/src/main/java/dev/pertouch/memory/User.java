package dev.pertouch.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * An anonymous identity: the id its browser cookie carries, the name it chose to be greeted by
 * (null when none), when it first came and when it was last seen.
 */
public record User(String id, String displayName, Instant createdAt, Instant lastSeenAt) {

    public User {
        Objects.requireNonNull(id, "id");
        createdAt = Timestamps.storable(Objects.requireNonNull(createdAt, "createdAt"));
        lastSeenAt = Timestamps.storable(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
    }
}
