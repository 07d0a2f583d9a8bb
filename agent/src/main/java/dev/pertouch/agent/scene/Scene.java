package dev.pertouch.agent.scene;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What kind of photo this is, in the two forms scene memory compares: words ({@code landscape}, {@code night}, ...)
 * and a fixed-length vector ({@link SceneDescriber#DESCRIPTOR_LENGTH} numbers, laid out as
 * {@link SceneDescriber} documents). Tags are sorted; the descriptor is copied in and out.
 */
public record Scene(Set<String> tags, float[] descriptor) {
    public Scene {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        descriptor = descriptor.clone();
    }

    @Override
    public float[] descriptor() {
        return descriptor.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scene s && tags.equals(s.tags) && Arrays.equals(descriptor, s.descriptor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tags, Arrays.hashCode(descriptor));
    }

    @Override
    public String toString() {
        return "Scene[tags=" + tags + ", descriptor=" + Arrays.toString(descriptor) + "]";
    }
}
