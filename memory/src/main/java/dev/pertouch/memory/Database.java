package dev.pertouch.memory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The relational store: an H2 file database by default, PostgreSQL when configured. Opening it
 * brings the schema up to date with the Flyway migrations in {@code db/migration}.
 */
public final class Database implements AutoCloseable {

    /**
     * Enough for the request threads plus the inference workers that record edits; with PostgreSQL,
     * also few enough that several servers fit under its default limit of 100 connections.
     */
    private static final int MAX_CONNECTIONS = 32;

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * Connects and migrates. Either database gets a pool of up to {@value #MAX_CONNECTIONS}
     * connections, so a request does not pay for opening one.
     *
     * @throws IllegalArgumentException for a URL that is neither H2 nor PostgreSQL
     * @throws StorageException when the database cannot be reached or a migration fails
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        JdbcConnectionPool pool;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            h2.setUser(user);
            h2.setPassword(password);
            pool = JdbcConnectionPool.create(h2);
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(jdbcUrl);
            pg.setUser(user);
            pg.setPassword(password);
            pool = JdbcConnectionPool.create(pg);
        } else {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:h2: or jdbc:postgresql:): "
                    + jdbcUrl.split("[;?]", 2)[0]);
        }
        pool.setMaxConnections(MAX_CONNECTIONS);
        Database db = new Database(pool);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            db.close();
            throw new StorageException("could not bring the database schema up to date", e);
        }
        return db;
    }

    /**
     * The embedded database under {@code dataDir/db}.
     *
     * <p>{@code WRITE_DELAY=0} makes H2 write each commit to the file before the commit returns;
     * with H2's default (up to a second of buffered commits) a killed process loses edits it had
     * already acknowledged. The file is not fsynced per commit, so an operating-system crash can
     * still lose the last moments: PostgreSQL is the answer where that matters.
     * {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to {@link #close()}, so H2's own shutdown hook
     * cannot close the database under jobs that are still finishing.
     * {@code DEFAULT_LOCK_TIMEOUT} lets a burst of writers to one row wait their turn instead of
     * failing after H2's default of one second.
     */
    public static String h2FileUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("pertouch");
        if (file.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("a data directory for H2 must not contain ';': " + dataDir);
        }
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;DEFAULT_LOCK_TIMEOUT=10000";
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Closes pooled connections; the embedded H2 database closes with the last of them. */
    @Override
    public void close() {
        pool.dispose();
    }

    /** Runs {@code work} as one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("could not " + what, e);
        }
    }

    /** Runs one writing statement; a single statement in autocommit mode is its own transaction. */
    int update(String what, String sql, Parameters parameters) {
        return onConnection(what, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs one query and reads every row it returns. */
    <T> List<T> query(String what, String sql, Parameters parameters, RowReader<T> reader) {
        return onConnection(what, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> values = new ArrayList<>();
                    while (rows.next()) {
                        values.add(reader.read(rows));
                    }
                    return values;
                }
            }
        });
    }

    /** Checks a caller's row limit, so a zero or negative one is a clear error rather than an SQL one. */
    static int positiveLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a row limit must be positive, not " + limit);
        }
        return limit;
    }

    private <T> T onConnection(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("could not " + what, e);
        }
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
