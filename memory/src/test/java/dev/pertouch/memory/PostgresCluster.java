package dev.pertouch.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the tests: initdb and pg_ctl from the Debian packages, a
 * cluster in a temporary directory on a free loopback port, started on first use and stopped
 * when the test JVM exits. Each test gets its own schema, so tests never see each other's rows.
 *
 * <p>The binaries are found in {@code $PERTOUCH_PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin} (Debian's {@code postgresql} package). Without them
 * the PostgreSQL tests are skipped; with them, a cluster that fails to start fails the tests.
 * PostgreSQL refuses to run as root, so under root the server runs as the {@code postgres} user.
 */
final class PostgresCluster {

    static final String USER = "pertouch";
    private static final String DATABASE = "pertouch";
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_ACCOUNT = "postgres";

    private static PostgresCluster shared;
    private static RuntimeException startFailure;

    private final Path bin;
    private final Path dir;
    private final boolean asServiceAccount;
    private final int port;
    private final AtomicInteger schemas = new AtomicInteger();

    private PostgresCluster(Path bin, Path dir, boolean asServiceAccount, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asServiceAccount = asServiceAccount;
        this.port = port;
    }

    /** The cluster, started on first use; skips the calling test when PostgreSQL is not installed. */
    static synchronized PostgresCluster shared() {
        Optional<Path> bin = binaries();
        Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL tests skipped: no initdb and pg_ctl in $PERTOUCH_PG_BIN or "
                + DEBIAN_VERSIONS + "/<version>/bin (install Debian's 'postgresql' package)");
        if (startFailure != null) {
            throw startFailure;
        }
        if (shared == null) {
            try {
                shared = start(bin.get());
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** A new, empty schema of the test database: its URL puts it first on the search path. */
    String newSchemaUrl() {
        String schema = "test_" + schemas.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url(DATABASE, ""), USER, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        return url(DATABASE, "?currentSchema=" + schema);
    }

    private String url(String database, String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + parameters;
    }

    static Optional<Path> binaries() {
        String configured = System.getenv("PERTOUCH_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(PostgresCluster::hasServerTools);
        }
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .filter(PostgresCluster::hasServerTools);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasServerTools(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(tool -> Files.isExecutable(bin.resolve(tool)));
    }

    private static PostgresCluster start(Path bin) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            // short, so that the server's Unix socket path stays under the kernel's 107-byte limit
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "pertouch-pg-");
            if (root) {
                UserPrincipal account = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SERVICE_ACCOUNT);
                Files.setOwner(dir, account);
            }
            PostgresCluster cluster = new PostgresCluster(bin, dir, root, freePort());
            cluster.run("initdb", "-D", "data", "-U", USER, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop test PostgreSQL"));
            // durability is not under test here (the server is never crashed), so skip the disk flushes
            cluster.run("pg_ctl", "-D", "data", "-l", "server.log", "-w", "-t", "60", "-o",
                    "-p " + cluster.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                            + " -c fsync=off -c full_page_writes=off", "start");
            try (Connection c = DriverManager.getConnection(cluster.url("postgres", ""), USER, "")) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
            return cluster;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a test PostgreSQL with " + bin + ": " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", "data", "-m", "immediate", "-w", "stop");
        } catch (RuntimeException alreadyGone) {
            // the directory goes either way; a server that did not stop has nothing left to serve
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException leftInTmp) {
            // a temporary directory the system cleans up eventually
        }
    }

    private void run(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asServiceAccount) {
            command.addAll(List.of("runuser", "-u", SERVICE_ACCOUNT, "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish in time: " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + output + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool, e);
        }
    }

    private String serverLog() {
        Path log = dir.resolve("server.log");
        try {
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
