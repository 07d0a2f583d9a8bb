package dev.pertouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeping results, remembering them, exporting and erasing a user's data, over real HTTP. */
class AccountIntegrationTest extends LiveServer {

    @Test
    void acceptingAnEditRemembersItAndTheExportShowsIt() {
        ApiClient client = new ApiClient(server.port());
        String photo = upload(client);
        String edit = ApiClient.json(client.postJson("/api/images/" + photo + "/retouch",
                "{\"state\": {\"global\": {\"temperature\": 0.4}}}")).get("editId").asText();

        HttpResponse<byte[]> accepted = client.postJson("/api/edits/" + edit + "/accept", "{}");
        assertEquals(200, accepted.statusCode());
        assertTrue(ApiClient.json(accepted).get("accepted").asBoolean());

        JsonNode export = ApiClient.json(client.get("/api/me/memory"));
        assertEquals(1, export.get("photos").size());
        assertEquals(1, export.get("sceneMemory").size());
        assertEquals(edit, export.get("sceneMemory").get(0).get("editId").asText());
        assertTrue(export.get("edits").get(0).get("accepted").asBoolean());
    }

    @Test
    void aSecondSimilarPhotoGetsTheRememberedSuggestionAndWeakOptimizeUsesIt() {
        ApiClient client = new ApiClient(server.port());
        String first = upload(client);
        JsonNode before = ApiClient.json(client.get("/api/images/" + first));
        double own = before.get("regions").get(0).get("attributes").get("temperature").asDouble();
        double warmer = Math.min(1, own + 0.3);
        String edit = ApiClient.json(client.postJson("/api/images/" + first + "/retouch",
                "{\"state\": {\"global\": {\"temperature\": " + warmer + "}}}")).get("editId").asText();
        assertEquals(200, client.postJson("/api/edits/" + edit + "/accept", "{}").statusCode());

        String second = upload(client);
        JsonNode reply = ApiClient.json(client.postJson("/api/images/" + second + "/instruct",
                "{\"text\": \"make it look better\"}"));
        assertEquals("weak_optimize", reply.get("kind").asText());
        assertEquals(warmer, reply.get("state").get("global").get("temperature").asDouble(), 0.05);
    }

    @Test
    void forgettingMeErasesPhotosEditsMemoryAndFiles() throws IOException {
        ApiClient client = new ApiClient(server.port());
        HttpResponse<byte[]> uploaded = client.upload("/api/images", "own.png", TestPhotos.gradientPng(77, 55));
        String photo = ApiClient.json(uploaded).get("id").asText();
        String edit = ApiClient.json(client.postJson("/api/images/" + photo + "/retouch",
                "{\"state\": {\"global\": {\"contrast\": 0.3}}}")).get("editId").asText();
        client.postJson("/api/edits/" + edit + "/accept", "{}");
        long filesBefore = countFiles(dataDir.resolve("photos"));

        HttpResponse<byte[]> erased = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/me")).DELETE());
        assertEquals(200, erased.statusCode());
        assertEquals(404, client.get("/api/images/" + photo).statusCode());
        assertTrue(countFiles(dataDir.resolve("photos")) < filesBefore, "the photo's file is gone");
    }

    private static String upload(ApiClient client) {
        HttpResponse<byte[]> response = client.upload("/api/images", "p.jpg", TestPhotos.bytes(TestPhotos.first()));
        assertEquals(201, response.statusCode());
        return ApiClient.json(response).get("id").asText();
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
