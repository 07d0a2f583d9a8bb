package dev.pertouch.server.photo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache bounded by the total weight of its values (pixels, bytes), so that a few
 * large photos cannot exhaust the heap. Everything kept here can be made again from what is stored:
 * photos are decoded again, renders are deterministic functions of a stored photo and a stored state.
 */
public final class BoundedCache<V> {
    private final long capacity;
    private final ToLongFunction<V> weight;
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long total;

    public BoundedCache(long capacity, ToLongFunction<V> weight) {
        this.capacity = capacity;
        this.weight = weight;
    }

    public synchronized Optional<V> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Adds a value, dropping the least recently used others while over capacity; the newest always stays. */
    public synchronized void put(String key, V value) {
        V old = entries.put(key, value);
        total += weight.applyAsLong(value) - (old == null ? 0 : weight.applyAsLong(old));
        var it = entries.entrySet().iterator();
        while (total > capacity && it.hasNext()) {
            Map.Entry<String, V> eldest = it.next();
            if (!eldest.getKey().equals(key)) {
                total -= weight.applyAsLong(eldest.getValue());
                it.remove();
            }
        }
    }

    public synchronized void remove(String key) {
        V old = entries.remove(key);
        if (old != null) {
            total -= weight.applyAsLong(old);
        }
    }
}
