package dev.pertouch.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerConfigTest {
    @Test
    void theDefaultsServeThisMachineOnly() {
        ServerConfig config = ServerConfig.from(List.of(), Map.of());
        assertEquals("127.0.0.1", config.host());
        assertEquals(7860, config.port());
        assertEquals(25L * 1024 * 1024, config.maxUploadBytes());
        assertEquals("", config.vlmBaseUrl());
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverDefaults() {
        ServerConfig config = ServerConfig.from(List.of("--port=9000", "--queue", "4"),
                Map.of("PERTOUCH_PORT", "8000", "PERTOUCH_HOST", "0.0.0.0", "PERTOUCH_QUEUE", "99"));
        assertEquals(9000, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals(4, config.queueCapacity());
    }

    @Test
    void unknownOptionsAndBadNumbersAreRefusedWithTheirName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(List.of("--prot", "1"), Map.of()));
        assertEquals("Unknown option --prot. Try --help.", unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(List.of("--port", "seventy"), Map.of()));
        assertEquals("--port must be a whole number (got 'seventy').", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(List.of("--port", "70000"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(List.of("--port"), Map.of()));
    }

    @Test
    void secretsNeverAppearInTheLoggedDescription() {
        ServerConfig config = ServerConfig.from(List.of("--vlm-api-key", "sk-123", "--secret", "s3cret",
                "--db-url", "jdbc:postgresql://db/p?user=u&password=pw", "--db-password", "pw2"), Map.of());
        String text = config.toString();
        for (String secret : List.of("sk-123", "s3cret", "password=pw", "pw2")) {
            assertFalse(text.contains(secret), text);
        }
    }
}
