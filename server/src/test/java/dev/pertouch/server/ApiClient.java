package dev.pertouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** One API user over real HTTP: keeps its identity cookie and sends the CSRF token the server hands out. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http;
    private String csrf;

    ApiClient(int port) {
        this(port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build(), null);
    }

    private ApiClient(int port, HttpClient http, String csrf) {
        this.base = "http://127.0.0.1:" + port;
        this.http = http;
        this.csrf = csrf;
    }

    /** The same user (same cookies, same token) talking to a server on another port. */
    ApiClient pointedAt(int port) {
        return new ApiClient(port, http, csrf);
    }

    HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<byte[]> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<byte[]> upload(String path, String filename, byte[] bytes) {
        String boundary = "----pertouch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Opens a server-sent event stream; its lines arrive as the server sends them. */
    HttpResponse<java.util.stream.Stream<String>> stream(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("X-CSRF-Token").ifPresent(t -> csrf = t);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void forgetCsrfToken() {
        csrf = null;
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }
}
