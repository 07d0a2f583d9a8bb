package dev.pertouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API over real HTTP on loopback, against the real engine, database and agent. */
class ApiIntegrationTest extends LiveServer {


    @Test
    void uploadAnswersWithTheRegionsAndTheirMeasuredAttributes() {
        ApiClient client = new ApiClient(server.port());
        HttpResponse<byte[]> response = client.upload("/api/images", "photo.jpg", TestPhotos.bytes(TestPhotos.first()));
        assertEquals(201, response.statusCode(), body(response));
        JsonNode photo = ApiClient.json(response);
        assertTrue(photo.get("id").asText().startsWith("p_"));
        assertTrue(photo.get("width").asInt() > 0 && photo.get("height").asInt() > 0);
        JsonNode global = region(photo, "global");
        for (String a : List.of("colorfulness", "contrast", "temperature", "brightness")) {
            double v = global.get("attributes").get(a).asDouble(Double.NaN);
            assertTrue(v >= -1 && v <= 1, a + " = " + v);
        }
        assertEquals(200, client.get("/api/images/" + photo.get("id").asText()).statusCode());
        HttpResponse<byte[]> original = client.get("/api/images/" + photo.get("id").asText() + "/original");
        assertEquals(200, original.statusCode());
        assertEquals("nosniff", original.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void retouchingBrightnessUpMakesTheRenderBrighterAndLandsNearTheTarget() throws IOException {
        ApiClient client = new ApiClient(server.port());
        JsonNode photo = ApiClient.json(client.upload("/api/images", "g.png", TestPhotos.gradientPng(640, 480)));
        String id = photo.get("id").asText();
        double before = region(photo, "global").get("attributes").get("brightness").asDouble();
        double target = Math.min(1, before + 0.3);

        HttpResponse<byte[]> response = client.postJson("/api/images/" + id + "/retouch",
                "{\"state\": {\"global\": {\"brightness\": " + target + "}}, \"size\": \"preview\"}");
        assertEquals(200, response.statusCode(), body(response));
        JsonNode result = ApiClient.json(response);
        assertEquals(target, result.get("measured").get("global").get("brightness").asDouble(), 0.05);

        BufferedImage original = read(client.get("/api/images/" + id + "/preview").body());
        BufferedImage rendered = read(client.get(result.get("image").asText()).body());
        assertTrue(meanLuma(rendered) > meanLuma(original) + 5, "the render is visibly brighter");
    }

    @Test
    void anInstructionRunsTheAgentAndRendersItsState() {
        ApiClient client = new ApiClient(server.port());
        String id = ApiClient.json(client.upload("/api/images", "g.png", TestPhotos.gradientPng(320, 240)))
                .get("id").asText();
        HttpResponse<byte[]> response = client.postJson("/api/images/" + id + "/instruct", "{\"text\": \"make it warmer\"}");
        assertEquals(200, response.statusCode(), body(response));
        JsonNode reply = ApiClient.json(response);
        JsonNode change = reply.get("changes").get(0);
        assertEquals("global", change.get("region").asText());
        assertEquals("temperature", change.get("attribute").asText());
        assertTrue(change.get("to").asDouble() > change.get("from").asDouble());
        assertEquals(200, client.get(reply.get("image").asText()).statusCode());
    }

    @Test
    void badUploadsGetClearErrorsAndTheServerKeepsServing() {
        ApiClient client = new ApiClient(server.port());
        byte[] jpeg = TestPhotos.bytes(TestPhotos.first());
        assertError(client.upload("/api/images", "empty.jpg", new byte[0]), 400, "empty_file");
        assertError(client.upload("/api/images", "notes.jpg", "just some text, not a photo".getBytes(StandardCharsets.UTF_8)),
                415, "not_an_image");
        assertError(client.upload("/api/images", "cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)), 400, "truncated_image");
        byte[] huge = new byte[(int) MAX_UPLOAD + 1024];
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        assertError(client.upload("/api/images", "huge.jpg", huge), 413, "file_too_large");
        assertError(client.postJson("/api/images/p_nope/retouch", "{\"state\": {}}"), 404, "not_found");

        assertEquals(200, client.get("/healthz").statusCode());
        assertEquals(201, client.upload("/api/images", "ok.png", TestPhotos.gradientPng(64, 48)).statusCode());
    }

    @Test
    void invalidStatesAreRefusedWithTheirReason() {
        ApiClient client = new ApiClient(server.port());
        String id = ApiClient.json(client.upload("/api/images", "g.png", TestPhotos.gradientPng(64, 48))).get("id").asText();
        String path = "/api/images/" + id + "/retouch";
        assertError(client.postJson(path, "{\"state\": {\"global\": {\"brightness\": 3}}}"), 400, "value_out_of_range");
        assertError(client.postJson(path, "{\"state\": {\"global\": {\"sparkle\": 0.1}}}"), 400, "unknown_attribute");
        assertError(client.postJson(path, "{\"state\": {\"global\": {\"brightness\": \"NaN\"}}}"), 400, "value_not_a_number");
        assertError(client.postJson(path, "{\"state\": {\"moon\": {\"brightness\": 0.1}}}"), 400, "unknown_region");
        assertError(client.postJson(path, "not json"), 400, "invalid_json");
    }

    @Test
    void anotherUsersPhotoIsNotFound() {
        ApiClient alice = new ApiClient(server.port());
        ApiClient bob = new ApiClient(server.port());
        String id = ApiClient.json(alice.upload("/api/images", "g.png", TestPhotos.gradientPng(64, 48))).get("id").asText();
        bob.get("/healthz");
        assertError(bob.get("/api/images/" + id), 404, "not_found");
        assertError(bob.get("/api/images/" + id + "/original"), 404, "not_found");
        assertError(bob.postJson("/api/images/" + id + "/retouch", "{\"state\": {}}"), 404, "not_found");
    }

    @Test
    void aStateChangingRequestWithTheCookieButWithoutTheCsrfTokenIsRefused() {
        ApiClient client = new ApiClient(server.port());
        client.get("/healthz");
        client.forgetCsrfToken();
        assertError(client.upload("/api/images", "g.png", TestPhotos.gradientPng(64, 48)), 403, "csrf_token_missing");
    }

    @Test
    void photosAndEditsSurviveARestart(@TempDir Path dir) {
        String id;
        String editId;
        ApiClient client;
        try (PerTouchServer first = PerTouchServer.start(config(dir))) {
            client = new ApiClient(first.port());
            id = ApiClient.json(client.upload("/api/images", "g.png", TestPhotos.gradientPng(96, 64))).get("id").asText();
            editId = ApiClient.json(client.postJson("/api/images/" + id + "/retouch",
                    "{\"state\": {\"global\": {\"contrast\": 0.4}}}")).get("editId").asText();
        }
        try (PerTouchServer second = PerTouchServer.start(config(dir).withPort(0))) {
            ApiClient again = client.pointedAt(second.port());
            assertEquals(200, again.get("/api/images/" + id).statusCode());
            HttpResponse<byte[]> image = again.get("/api/edits/" + editId + "/image");
            assertEquals(200, image.statusCode());
            assertNotEquals(0, image.body().length);
        }
    }

    private static JsonNode region(JsonNode photo, String id) {
        for (JsonNode r : photo.get("regions")) {
            if (id.equals(r.get("id").asText())) {
                return r;
            }
        }
        throw new AssertionError("no region " + id + " in " + photo);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        assertEquals(status, response.statusCode(), body(response));
        JsonNode error = ApiClient.json(response);
        assertEquals(code, error.get("code").asText(), body(response));
        assertFalse(error.get("error").asText().isBlank());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    static double meanLuma(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                sum += 0.299 * (p >> 16 & 255) + 0.587 * (p >> 8 & 255) + 0.114 * (p & 255);
            }
        }
        return sum / ((double) img.getWidth() * img.getHeight());
    }
}
