package dev.pertouch.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Tests against one real server on loopback, started once per test class on a free port and a fresh data dir. */
abstract class LiveServer {
    /** The upload limit the test servers run with, small so that "too large" is cheap to provoke. */
    static final long MAX_UPLOAD = 2L * 1024 * 1024;

    @TempDir
    static Path dataDir;
    static PerTouchServer server;

    @BeforeAll
    static void start() {
        server = PerTouchServer.start(config(dataDir));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ServerConfig config(Path dir) {
        return ServerConfig.from(List.of("--port", "0", "--data-dir", dir.toString(), "--max-upload-mb", "2",
                "--workers", "2"), Map.of());
    }
}
