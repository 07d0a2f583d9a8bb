package dev.pertouch.server;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's progress stream: server-sent events while the agent and the renderer work. */
class ProgressEventsTest extends LiveServer {

    @Test
    void anInstructionStreamsItsRethinkingAndRenderingProgress() throws Exception {
        ApiClient client = new ApiClient(server.port());
        String id = ApiClient.json(client.upload("/api/images", "g.png", TestPhotos.gradientPng(200, 150)))
                .get("id").asText();
        HttpResponse<Stream<String>> events = client.stream("/ui/photos/" + id + "/events");
        assertEquals(200, events.statusCode());
        assertTrue(events.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                events.headers().map().toString());

        List<String> data = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> events.body()
                .filter(line -> line.startsWith("data:"))
                .takeWhile(line -> !line.contains("Done."))
                .forEach(data::add));
        assertEquals(200, client.postJson("/api/images/" + id + "/instruct",
                "{\"text\": \"make it a lot brighter\"}").statusCode());
        reading.get(30, TimeUnit.SECONDS);

        assertTrue(data.stream().anyMatch(d -> d.contains("Reading your instruction")), data.toString());
        assertTrue(data.stream().anyMatch(d -> d.contains("Checking round 1")), data.toString());
    }

    @Test
    void anotherUsersPhotoHasNoStream() {
        ApiClient alice = new ApiClient(server.port());
        ApiClient bob = new ApiClient(server.port());
        String id = ApiClient.json(alice.upload("/api/images", "g.png", TestPhotos.gradientPng(64, 48))).get("id").asText();
        HttpResponse<Stream<String>> events = bob.stream("/ui/photos/" + id + "/events");
        assertEquals(0, events.body().filter(line -> line.startsWith("data:")).count());
    }
}
