package dev.pertouch.memory;

import java.nio.file.Path;

/** The databases every repository test runs against: embedded H2 and a real PostgreSQL. */
enum Backend {
    H2 {
        @Override
        Location locate(Path dataDir) {
            return new Location(Database.h2FileUrl(dataDir), "sa", "");
        }
    },
    POSTGRESQL {
        @Override
        Location locate(Path dataDir) {
            return new Location(PostgresCluster.shared().newSchemaUrl(), PostgresCluster.USER, "");
        }
    };

    /** Where a fresh, empty database for one test is; PostgreSQL tests are skipped when it is not installed. */
    abstract Location locate(Path dataDir);

    /** A fresh database, migrated. */
    Database open(Path dataDir) {
        return locate(dataDir).open();
    }

    /** How to connect, so that a test can reopen the same database or hand it to a child process. */
    record Location(String url, String user, String password) {
        Database open() {
            return Database.open(url, user, password);
        }
    }
}
