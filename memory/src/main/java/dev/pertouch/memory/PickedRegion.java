package dev.pertouch.memory;

import java.time.Instant;
import java.util.Objects;

/** A region a user picked on one of their photos; {@code maskPng} is a grey PNG at the working size. */
public record PickedRegion(String photoId, String ownerId, String regionId, String label, byte[] maskPng,
                           Instant createdAt) {
    public PickedRegion {
        Objects.requireNonNull(photoId, "photoId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(maskPng, "maskPng");
        createdAt = Timestamps.storable(Objects.requireNonNull(createdAt, "createdAt"));
    }
}
