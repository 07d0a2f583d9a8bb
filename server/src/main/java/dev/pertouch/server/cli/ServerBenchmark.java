package dev.pertouch.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pertouch.server.PerTouchServer;
import dev.pertouch.server.ServerConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's own figures, over real HTTP on loopback: cold start of a new process to the first served page,
 * and upload-to-first-render (upload, then the first preview render and its image) for a given JPEG.
 */
final class ServerBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerBenchmark() {
    }

    /**
     * Starts {@code pertouch serve} in a new JVM from the given jar, {@code runs} times, and returns the median
     * milliseconds from launching the process to the first 200 answer of {@code GET /}.
     */
    static double coldStartMillis(Path jar, Path dataDir, int runs) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < runs; i++) {
            int port = freePort();
            Path dir = Files.createDirectories(dataDir.resolve("cold-" + i));
            long start = System.nanoTime();
            Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dai.djl.offline=true", "-jar", jar.toString(), "serve", "--port", String.valueOf(port),
                    "--data-dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
            try {
                HttpRequest page = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
                while (true) {
                    if (!server.isAlive()) {
                        throw new IOException("the server exited; see " + dir.resolve("server.log"));
                    }
                    try {
                        if (http.send(page, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        Thread.sleep(20);
                    }
                    if (System.nanoTime() - start > 120_000_000_000L) {
                        throw new IOException("no page after 120 s");
                    }
                }
                times.add((System.nanoTime() - start) / 1e6);
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
        return median(times);
    }

    /** Median milliseconds from sending the upload to having the first preview render's image. */
    static double uploadToFirstRenderMillis(byte[] jpeg, Path dataDir, int runs) throws IOException, InterruptedException {
        ServerConfig config = ServerConfig.from(List.of("--port", "0", "--data-dir", dataDir.toString()), Map.of());
        List<Double> times = new ArrayList<>();
        try (PerTouchServer server = PerTouchServer.start(config)) {
            String base = "http://127.0.0.1:" + server.port();
            for (int i = 0; i <= runs; i++) {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                long start = System.nanoTime();
                HttpResponse<byte[]> upload = send(http, multipart(base + "/api/images", jpeg), 201);
                JsonNode photo = JSON.readTree(upload.body());
                HttpRequest retouch = HttpRequest.newBuilder(URI.create(base + "/api/images/"
                                + photo.get("id").asText() + "/retouch"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", upload.headers().firstValue("X-CSRF-Token").orElse(""))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"state\": {\"global\": {\"brightness\": 0.3}}, \"size\": \"preview\"}")).build();
                JsonNode render = JSON.readTree(send(http, retouch, 200).body());
                send(http, HttpRequest.newBuilder(URI.create(base + render.get("image").asText())).build(), 200);
                if (i > 0) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return median(times);
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static HttpRequest multipart(String url, byte[] jpeg) {
        String boundary = "pertouch-bench";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"b.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String format(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
