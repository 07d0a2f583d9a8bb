package dev.pertouch.memory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the user kept for one photo, remembered for photos like it: the scene's tags and numeric
 * descriptor, and the kept edit state relative to the photo's own measured values.
 *
 * @param tags          scene words such as {@code landscape} or {@code night}, sorted
 * @param descriptor    a fixed-length vector describing the scene; compared by cosine
 * @param relativeState {@code region -> attribute -> (kept target - the photo's own value)}. Every region
 *                      the photo had is a key; an empty map means the user left that region as it was
 */
public record SceneRecord(String id, String ownerId, String photoId, String editId, Set<String> tags,
                          float[] descriptor, Map<String, Map<String, Double>> relativeState, Instant createdAt) {

    public static final int MAX_TAGS = 32;
    public static final int MAX_DESCRIPTOR_LENGTH = 256;
    public static final int MAX_REGIONS = 64;
    /** A target and a measured value both lie in [-1, 1], so no delta is larger than this. */
    public static final double MAX_DELTA = 2.0;
    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final int MAX_NAME_LENGTH = 64;

    public SceneRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(photoId, "photoId");
        Objects.requireNonNull(editId, "editId");
        tags = checkTags(tags);
        descriptor = checkDescriptor(descriptor);
        relativeState = checkRelativeState(relativeState);
        createdAt = Timestamps.storable(Objects.requireNonNull(createdAt, "createdAt"));
    }

    @Override
    public float[] descriptor() {
        return descriptor.clone();
    }

    /** The descriptor without a copy, for the similarity loop. */
    float[] descriptorView() {
        return descriptor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SceneRecord r && id.equals(r.id) && ownerId.equals(r.ownerId) && photoId.equals(r.photoId)
                && editId.equals(r.editId) && tags.equals(r.tags) && Arrays.equals(descriptor, r.descriptor)
                && relativeState.equals(r.relativeState) && createdAt.equals(r.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ownerId, photoId, editId, tags, Arrays.hashCode(descriptor), relativeState, createdAt);
    }

    @Override
    public String toString() {
        return "SceneRecord[id=" + id + ", ownerId=" + ownerId + ", photoId=" + photoId + ", editId=" + editId
                + ", tags=" + tags + ", descriptor=" + Arrays.toString(descriptor) + ", relativeState=" + relativeState
                + ", createdAt=" + createdAt + "]";
    }

    /** At most {@value #MAX_TAGS} tags of lower-case letters, digits and '-'; returned sorted and unmodifiable. */
    static SortedSet<String> checkTags(Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " scene tags, not " + tags.size());
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("a scene tag is 1-32 lower-case letters, digits or '-', not '" + tag + "'");
            }
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** Between 1 and {@value #MAX_DESCRIPTOR_LENGTH} finite numbers; returned as a copy. */
    static float[] checkDescriptor(float[] descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (descriptor.length == 0 || descriptor.length > MAX_DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException("a scene descriptor has 1 to " + MAX_DESCRIPTOR_LENGTH
                    + " numbers, not " + descriptor.length);
        }
        for (float v : descriptor) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("a scene descriptor holds finite numbers only, not " + v);
            }
        }
        return descriptor.clone();
    }

    /** Names of at most 64 characters, finite deltas within {@value #MAX_DELTA}; returned as an unmodifiable copy. */
    static Map<String, Map<String, Double>> checkRelativeState(Map<String, Map<String, Double>> state) {
        Objects.requireNonNull(state, "relativeState");
        if (state.size() > MAX_REGIONS) {
            throw new IllegalArgumentException("a relative state has at most " + MAX_REGIONS + " regions, not " + state.size());
        }
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        state.forEach((region, deltas) -> {
            checkName(region);
            Objects.requireNonNull(deltas, "deltas of " + region);
            Map<String, Double> checked = new LinkedHashMap<>();
            deltas.forEach((attribute, delta) -> {
                checkName(attribute);
                if (delta == null || !Double.isFinite(delta) || Math.abs(delta) > MAX_DELTA) {
                    throw new IllegalArgumentException("the delta of " + region + "." + attribute
                            + " must be a finite number within " + MAX_DELTA + ", not " + delta);
                }
                checked.put(attribute, delta);
            });
            copy.put(region, Collections.unmodifiableMap(checked));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("region and attribute names have 1 to " + MAX_NAME_LENGTH
                    + " characters, not '" + name + "'");
        }
    }
}
