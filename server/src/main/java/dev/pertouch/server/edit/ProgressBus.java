package dev.pertouch.server.edit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Progress of a user's work on one photo (waiting in the queue, rendering, checking a result against the
 * wording), for whoever is listening: the page's event stream. Nothing is kept for keys no one listens to.
 */
public final class ProgressBus {
    private final Map<String, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    public static String key(String ownerId, String photoId) {
        return ownerId + "/" + photoId;
    }

    public void publish(String key, String message) {
        Set<Consumer<String>> set = listeners.get(key);
        if (set != null) {
            set.forEach(l -> l.accept(message));
        }
    }

    /** Listens until the returned subscription is closed. */
    public Subscription subscribe(String key, Consumer<String> listener) {
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** A listener's registration; closing it twice does no harm. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
