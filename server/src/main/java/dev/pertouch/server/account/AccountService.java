package dev.pertouch.server.account;

import dev.pertouch.memory.PhotoStore;
import dev.pertouch.memory.SceneMemory;
import dev.pertouch.memory.UserData;
import dev.pertouch.memory.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a user can see and erase of themselves, and the retention that erases identities nobody has used for a
 * while: their photos (files included when no one else has the same file), edits and memory.
 */
public final class AccountService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final Users users;
    private final UserData data;
    private final SceneMemory memory;
    private final PhotoStore store;
    private final ScheduledExecutorService retention;

    /** @param keep how long an unused identity is kept; zero keeps everything */
    public AccountService(Users users, UserData data, SceneMemory memory, PhotoStore store, Duration keep) {
        this.users = users;
        this.data = data;
        this.memory = memory;
        this.store = store;
        if (keep.isZero()) {
            retention = null;
        } else {
            retention = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pertouch-retention");
                t.setDaemon(true);
                return t;
            });
            retention.scheduleWithFixedDelay(() -> prune(keep), 1, 6 * 60, TimeUnit.MINUTES);
        }
    }

    public Users users() {
        return users;
    }

    public SceneMemory memory() {
        return memory;
    }

    /** The user's data as JSON: identity, photos, edits and remembered preferences. */
    public String export(String userId) {
        return data.export(userId).map(e -> e.toJson())
                .orElse("{\"user\":{\"id\":\"" + userId + "\"},\"photos\":[],\"edits\":[],\"sceneMemory\":[]}");
    }

    /** Erases everything of the user; files go too unless another user has the same photo. */
    public void erase(String userId) {
        deleteFiles(data.deleteUser(userId));
    }

    /** Erases identities not seen for {@code keep}; returns how many files went with them. */
    public int prune(Duration keep) {
        try {
            Set<String> orphans = data.pruneAnonymous(keep);
            deleteFiles(orphans);
            return orphans.size();
        } catch (RuntimeException e) {
            LOG.warn("Pruning unused identities failed; it will be tried again", e);
            return 0;
        }
    }

    private void deleteFiles(Set<String> digests) {
        digests.forEach(store::delete);
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.shutdownNow();
        }
    }
}
