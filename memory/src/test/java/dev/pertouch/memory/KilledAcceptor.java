package dev.pertouch.memory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Run in a child process by {@link CrashDurabilityTest}: several threads upload, retouch and
 * accept photos until the process is killed, each printing an edit's id once accepting it has
 * returned. Arguments: JDBC URL, user, password.
 */
public final class KilledAcceptor {

    static final int THREADS = 4;

    private KilledAcceptor() {
    }

    public static void main(String[] args) {
        Database db = new Backend.Location(args[0], args[1], args[2]).open();
        SceneMemory memory = new SceneMemory(db);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            String owner = "user" + t;
            pool.submit(() -> {
                for (int i = 0; ; i++) {
                    String photoId = owner + "-p" + i;
                    String editId = owner + "-e" + i;
                    Samples.photoWithEdit(db, owner, photoId, editId);
                    memory.remember(owner, photoId, editId, Samples.LANDSCAPE, Samples.OPEN_VIEW, Samples.warmer(0.3))
                            .orElseThrow();
                    synchronized (System.out) {
                        System.out.println(owner + " " + editId);
                        System.out.flush();
                    }
                }
            });
        }
    }
}
