package dev.pertouch.memory;

import java.time.Instant;

/**
 * Run in a child process by {@link CrashDurabilityTest}: records edits until it is killed,
 * printing each edit's id once its insert has returned. Arguments: JDBC URL, user, password.
 */
public final class KilledWriter {

    private KilledWriter() {
    }

    public static void main(String[] args) {
        Database db = new Backend.Location(args[0], args[1], args[2]).open();
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
