package dev.pertouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the database keeps when things go wrong: every acknowledged accept survives {@code kill -9} of the
 * server process in the middle of a burst, and fifty users accepting at once each keep exactly their own data.
 */
class DurabilityTest {
    private static final Logger LOG = LoggerFactory.getLogger(DurabilityTest.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /*
     * The server lets one address make 60 writes at once and 10 a second after that: the uploads and renders of
     * the kill test stay under 60, so the burst of accepts runs unthrottled when the kill comes, well before its end.
     */
    private static final int CUSTOMERS = 5;
    private static final int PHOTOS_EACH = 2;
    private static final int EDITS_EACH = 9;
    private static final int KILL_AFTER_ACCEPTS = 20;
    private static final int CROWD = 50;

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killingTheServerMidBurstLosesNoAcknowledgedAccept() throws Exception {
        Path dataDir = workDir.resolve("data");
        int firstPort = freePort();
        Process first = serve(dataDir, firstPort, workDir.resolve("first.log"));
        Process second = null;
        ExecutorService users = Executors.newFixedThreadPool(CUSTOMERS);
        try {
            awaitHealthy(first, firstPort, workDir.resolve("first.log"));
            Burst burst = new Burst();
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Customer customer = new Customer(i, new ApiClient(firstPort), burst);
                customers.add(customer);
                users.execute(customer);
            }

            // the kill goes in as the next accept goes out, so that it can land inside that accept's transaction
            boolean reached = burst.acknowledged.await(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
            boolean sending = reached && burst.acceptOnTheWire.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            burst.killed.set(true);
            first.destroyForcibly();
            assertTrue(burst.problems.isEmpty(), () -> "the burst failed before the kill: " + burst.problems);
            assertTrue(reached, () -> "only " + (KILL_AFTER_ACCEPTS - burst.acknowledged.getCount())
                    + " accepts were acknowledged within " + 2 * PATIENCE.toSeconds() + " s");
            assertTrue(sending, "another accept went out after the first " + KILL_AFTER_ACCEPTS);
            assertTrue(first.waitFor(10, TimeUnit.SECONDS), "SIGKILL ends the server");
            users.shutdown();
            assertTrue(users.awaitTermination(30, TimeUnit.SECONDS), "every customer notices the server is gone");
            assertTrue(burst.problems.isEmpty(), () -> "the burst failed: " + burst.problems);
            int accepts = customers.stream().mapToInt(c -> c.accepted.size()).sum();
            assertTrue(accepts < CUSTOMERS * EDITS_EACH, "the kill came before the burst of accepts ended");

            int secondPort = freePort();
            second = serve(dataDir, secondPort, workDir.resolve("second.log"));
            awaitHealthy(second, secondPort, workDir.resolve("second.log"));
            int unanswered = 0;
            int unansweredButKept = 0;
            int records = 0;
            for (Customer customer : customers) {
                Survivors found = customer.checkSurvivedOn(customer.client.pointedAt(secondPort));
                records += found.memoryRecords();
                unanswered += customer.pending == null ? 0 : 1;
                unansweredButKept += found.unansweredAcceptKept() ? 1 : 0;
            }
            LOG.info("kill -9 after {} of {} accepts by {} users were acknowledged ({} unanswered at the kill, {} of"
                    + " those committed; retries after Retry-After: {}); after restart all {} are accepted, with {}"
                    + " memory records", accepts, CUSTOMERS * EDITS_EACH, CUSTOMERS, unanswered, unansweredButKept,
                    burst.refusals, accepts, records);
        } finally {
            users.shutdownNow();
            first.destroyForcibly();
            if (second != null) {
                second.destroy();
                if (!second.waitFor(20, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void fiftyUsersAcceptingAtOnceEachKeepExactlyTheirOwnPhotoEditAndMemory() throws Exception {
        ExecutorService crowd = Executors.newFixedThreadPool(CROWD);
        try (PerTouchServer server = PerTouchServer.start(ApiIntegrationTest.config(workDir))) {
            Refusals refusals = new Refusals();
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch rendered = new CountDownLatch(CROWD);
            List<ApiClient> clients = new ArrayList<>();
            List<Future<Kept>> results = new ArrayList<>();
            for (int i = 0; i < CROWD; i++) {
                ApiClient client = new ApiClient(server.port());
                int width = 64 + i;
                clients.add(client);
                results.add(crowd.submit(() -> {
                    start.await();
                    String photo;
                    String edit;
                    try {
                        photo = upload(client, TestPhotos.gradientPng(width, 48), refusals);
                        edit = render(client, photo, 0.3, refusals);
                    } finally {
                        rendered.countDown();
                    }
                    assertTrue(rendered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "every user rendered");
                    HttpResponse<byte[]> accepted = persistently("accept", refusals,
                            () -> client.postJson("/api/edits/" + edit + "/accept", "{}"));
                    assertEquals(200, accepted.statusCode(), () -> body(accepted));
                    return new Kept(photo, edit);
                }));
            }
            start.countDown();

            Set<String> users = new HashSet<>();
            for (int i = 0; i < CROWD; i++) {
                Kept kept = results.get(i).get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
                HttpResponse<byte[]> exported = clients.get(i).get("/api/me/memory");
                assertEquals(200, exported.statusCode());
                JsonNode export = ApiClient.json(exported);
                users.add(export.get("user").get("id").asText());

                JsonNode photos = export.get("photos");
                assertEquals(1, photos.size(), () -> "user " + export.get("user") + " has photos " + photos);
                assertEquals(kept.photoId(), photos.get(0).get("id").asText());
                assertEquals(64 + i, photos.get(0).get("width").asInt(), "the photo is the one this user uploaded");

                JsonNode edits = export.get("edits");
                assertEquals(1, edits.size(), () -> "user " + export.get("user") + " has edits " + edits);
                assertEquals(kept.editId(), edits.get(0).get("id").asText());
                assertEquals(kept.photoId(), edits.get(0).get("photoId").asText());
                assertTrue(edits.get(0).get("accepted").asBoolean());

                JsonNode memory = export.get("sceneMemory");
                assertEquals(1, memory.size(), () -> "user " + export.get("user") + " remembers " + memory);
                assertEquals(kept.editId(), memory.get(0).get("editId").asText());
                assertEquals(kept.photoId(), memory.get(0).get("photoId").asText());
            }
            assertEquals(CROWD, users.size(), "every user has an identity of their own");
            String metrics = new String(clients.get(0).get("/metrics").body(), StandardCharsets.UTF_8);
            assertTrue(metrics.lines().anyMatch(("pertouch_photos_stored " + CROWD)::equals),
                    () -> "retried uploads stored no extra photo:\n" + metrics);
            LOG.info("{} users accepted at once (retries after Retry-After: {}); every export holds exactly its own"
                    + " photo, edit and memory record", CROWD, refusals);
        } finally {
            crowd.shutdownNow();
        }
    }

    /**
     * One user of the burst: uploads a few photos and renders edit after edit of them, then, when every user has
     * rendered, keeps those edits one after another until the server dies.
     */
    private static final class Customer implements Runnable {
        final ApiClient client;
        final List<String> photos = new ArrayList<>();
        final List<Kept> rendered = new ArrayList<>();
        final Set<String> accepted = new HashSet<>();
        final Map<String, String> lastAcceptedOfPhoto = new HashMap<>();
        /** The accept sent but not answered; at most one, since a person clicks one thing at a time. */
        Kept pending;
        private final int number;
        private final Burst burst;

        Customer(int number, ApiClient client, Burst burst) {
            this.number = number;
            this.client = client;
            this.burst = burst;
        }

        @Override
        public void run() {
            try {
                try {
                    for (int p = 0; p < PHOTOS_EACH; p++) {
                        photos.add(upload(client, TestPhotos.gradientPng(64 + 8 * number + p, 48), burst.refusals));
                    }
                    for (int e = 0; e < EDITS_EACH; e++) {
                        String photo = photos.get(e % PHOTOS_EACH);
                        rendered.add(new Kept(photo, render(client, photo, (e % 9 - 4) / 10.0, burst.refusals)));
                    }
                } finally {
                    burst.everyoneRendered.countDown();
                }
                assertTrue(burst.everyoneRendered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS),
                        "every customer rendered");
                for (Kept edit : rendered) {
                    if (burst.killed.get()) {
                        return;
                    }
                    pending = edit;
                    HttpResponse<byte[]> answer = persistently("accept", burst.refusals, () -> {
                        if (burst.acknowledged.getCount() == 0) {
                            burst.acceptOnTheWire.countDown();
                        }
                        return client.postJson("/api/edits/" + edit.editId() + "/accept", "{}");
                    });
                    assertEquals(200, answer.statusCode(), () -> body(answer));
                    assertTrue(ApiClient.json(answer).get("accepted").asBoolean());
                    accepted.add(edit.editId());
                    lastAcceptedOfPhoto.put(edit.photoId(), edit.editId());
                    pending = null;
                    burst.acknowledged.countDown();
                }
            } catch (UncheckedIOException serverGone) {
                if (!burst.killed.get()) {
                    burst.problems.add("customer " + number + ": " + serverGone);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                burst.problems.add("customer " + number + " was interrupted");
            } catch (AssertionError | RuntimeException e) {
                burst.problems.add("customer " + number + ": " + e);
            }
        }

        /** Checks this user's export from the restarted server against what the first one acknowledged. */
        Survivors checkSurvivedOn(ApiClient restarted) {
            HttpResponse<byte[]> exported = restarted.get("/api/me/memory");
            assertEquals(200, exported.statusCode());
            JsonNode export = ApiClient.json(exported);
            Map<String, JsonNode> photoById = byId(export.get("photos"), "id");
            Map<String, JsonNode> editById = byId(export.get("edits"), "id");

            assertTrue(photoById.keySet().containsAll(photos),
                    () -> "uploaded " + photos + ", kept " + photoById.keySet());
            for (String photo : photos) {
                assertEquals(200, restarted.get("/api/images/" + photo + "/original").statusCode(),
                        "the stored file of " + photo + " survived");
            }
            for (Kept edit : rendered) {
                assertTrue(editById.containsKey(edit.editId()), "rendered edit " + edit.editId() + " survived");
            }
            for (String edit : accepted) {
                assertTrue(editById.get(edit).get("accepted").asBoolean(),
                        "acknowledged accept of " + edit + " survived");
            }
            for (JsonNode edit : editById.values()) {
                assertTrue(photoById.containsKey(edit.get("photoId").asText()),
                        () -> "edit of a missing photo: " + edit);
                String id = edit.get("id").asText();
                boolean mayBeAccepted = accepted.contains(id) || pending != null && pending.editId().equals(id);
                assertTrue(mayBeAccepted || !edit.get("accepted").asBoolean(),
                        () -> "accepted but never asked: " + edit);
            }

            Map<String, JsonNode> recordOfPhoto = byId(export.get("sceneMemory"), "photoId");
            assertEquals(export.get("sceneMemory").size(), recordOfPhoto.size(), "one memory record per photo");
            for (JsonNode record : recordOfPhoto.values()) {
                JsonNode edit = editById.get(record.get("editId").asText());
                assertTrue(edit != null && edit.get("accepted").asBoolean(),
                        () -> "memory of no accepted edit: " + record);
                assertEquals(edit.get("photoId").asText(), record.get("photoId").asText());
            }
            for (String photo : photos) {
                String newest = lastAcceptedOfPhoto.get(photo);
                boolean pendingHere = pending != null && pending.photoId().equals(photo);
                JsonNode record = recordOfPhoto.get(photo);
                if (newest == null && !pendingHere) {
                    assertNull(record, "no memory of a photo nobody kept");
                    continue;
                }
                if (newest != null) {
                    assertTrue(record != null, "the kept look of " + photo + " is remembered");
                }
                if (record != null) {
                    String remembered = record.get("editId").asText();
                    assertTrue(remembered.equals(newest) || pendingHere && remembered.equals(pending.editId()),
                            () -> photo + " remembers " + remembered + ", its newest acknowledged accept is " + newest);
                }
            }
            boolean unansweredKept = pending != null && editById.get(pending.editId()).get("accepted").asBoolean();
            return new Survivors(recordOfPhoto.size(), unansweredKept);
        }
    }

    /** A photo and the edit of it that its owner kept. */
    private record Kept(String photoId, String editId) {
    }

    /** What one user's export held after the restart. */
    private record Survivors(int memoryRecords, boolean unansweredAcceptKept) {
    }

    /** What the users of the kill test share: how far the burst got, and what went wrong in it. */
    private static final class Burst {
        final Refusals refusals = new Refusals();
        final AtomicBoolean killed = new AtomicBoolean();
        final CountDownLatch everyoneRendered = new CountDownLatch(CUSTOMERS);
        final CountDownLatch acknowledged = new CountDownLatch(KILL_AFTER_ACCEPTS);
        final CountDownLatch acceptOnTheWire = new CountDownLatch(1);
        final Queue<String> problems = new ConcurrentLinkedQueue<>();
    }

    /** How often the server said "not now" (429 rate-limited, 503 busy), per kind of request, across all users. */
    private static final class Refusals {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(String what, int status) {
            counts.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String toString() {
            return new TreeMap<>(counts).toString();
        }
    }

    private static String upload(ApiClient client, byte[] png, Refusals refusals) {
        HttpResponse<byte[]> response = persistently("upload", refusals,
                () -> client.upload("/api/images", "g.png", png));
        assertEquals(201, response.statusCode(), () -> body(response));
        return ApiClient.json(response).get("id").asText();
    }

    private static String render(ApiClient client, String photo, double temperature, Refusals refusals) {
        HttpResponse<byte[]> response = persistently("retouch", refusals,
                () -> client.postJson("/api/images/" + photo + "/retouch",
                        "{\"state\": {\"global\": {\"temperature\": " + temperature + "}}}"));
        assertEquals(200, response.statusCode(), () -> body(response));
        return ApiClient.json(response).get("editId").asText();
    }

    /**
     * Sends a write as a well-behaved client does: while the server answers 429 (rate-limited) or 503 (busy), waits
     * the Retry-After it names and sends it again.
     */
    private static HttpResponse<byte[]> persistently(String what, Refusals refusals,
                                                     Supplier<HttpResponse<byte[]>> write) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<byte[]> response = write.get();
            int status = response.statusCode();
            if (status != 429 && status != 503) {
                return response;
            }
            refusals.count(what, status);
            String code = ApiClient.json(response).get("code").asText();
            assertEquals(status == 429 ? "rate_limited" : "busy", code);
            int seconds = Integer.parseInt(response.headers().firstValue("Retry-After")
                    .orElseThrow(() -> new AssertionError(status + " without Retry-After")));
            assertTrue(seconds > 0 && System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) < deadline,
                    () -> "still refused after " + PATIENCE.toSeconds() + " s: " + body(response));
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting out Retry-After", e);
            }
        }
    }

    private static Process serve(Path dataDir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitHealthy(Process server, int port, Path log) throws InterruptedException {
        ApiClient probe = new ApiClient(port);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!answersHealthz(probe)) {
            assertTrue(server.isAlive(), () -> "the server exited with " + server.exitValue() + ":\n" + tail(log));
            assertTrue(System.nanoTime() < deadline,
                    () -> "not healthy on port " + port + " within " + STARTUP.toSeconds() + " s:\n" + tail(log));
            Thread.sleep(50);
        }
    }

    private static boolean answersHealthz(ApiClient probe) {
        try {
            return probe.get("/healthz").statusCode() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, JsonNode> byId(JsonNode array, String key) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        array.forEach(node -> out.put(node.get(key).asText(), node));
        return out;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String body(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
