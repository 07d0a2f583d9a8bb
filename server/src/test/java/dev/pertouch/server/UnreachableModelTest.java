package dev.pertouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A configured language model that cannot be reached is an error for the user, never a silent success. */
class UnreachableModelTest {
    @Test
    void aModelThatCannotBeReachedIsReportedAndTheStateStaysAsItWas(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServerConfig config = ServerConfig.from(List.of("--port", "0", "--data-dir", dir.toString(),
                "--vlm-base-url", "http://127.0.0.1:" + closedPort + "/v1", "--vlm-model", "any",
                "--vlm-api-key", "sk-test-secret"), Map.of());
        assertFalse(config.toString().contains("sk-test-secret"));
        try (PerTouchServer server = PerTouchServer.start(config)) {
            ApiClient client = new ApiClient(server.port());
            String id = ApiClient.json(client.upload("/api/images", "g.png", TestPhotos.gradientPng(96, 64)))
                    .get("id").asText();
            HttpResponse<byte[]> reply = client.postJson("/api/images/" + id + "/instruct",
                    "{\"text\": \"make it warmer\"}");
            assertEquals(502, reply.statusCode());
            JsonNode error = ApiClient.json(reply);
            assertEquals("model_failed", error.get("code").asText());
            assertFalse(error.get("error").asText().contains("sk-test-secret"));
            assertEquals(0, ApiClient.json(client.get("/api/me/memory")).get("edits").size(), "no edit was recorded");
        }
    }
}
