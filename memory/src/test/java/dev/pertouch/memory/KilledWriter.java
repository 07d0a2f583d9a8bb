package dev.pertouch.memory;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child process by {@link CrashDurabilityTest}: records edits until it is killed,
 * printing each edit's id once its insert has returned.
 */
public final class KilledWriter {

    private KilledWriter() {
    }

    public static void main(String[] args) {
        Database db = Samples.openIn(Path.of(args[0]));
        new Users(db).ensure("alice");
        new Photos(db).insert(Samples.photo("p1", "alice", Instant.now()));
        Edits edits = new Edits(db);
        for (int i = 0; ; i++) {
            edits.insert(Samples.edit("e" + i, "p1", "alice", Instant.now()));
            System.out.println("e" + i);
            System.out.flush();
        }
    }
}
