package dev.pertouch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible chat endpoint on loopback: it records each request (body and Authorization header) and
 * answers with the scripted replies in order, then with {@link #afterScript} (HTTP 500 unless set).
 */
final class FakeOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_URL = "data:image/jpeg;base64,";

    /** One scripted reply: a status and a body, sent as JSON. */
    record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private Reply afterScript = error(500);

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            Reply reply;
            synchronized (this) {
                requests.add(JSON.readTree(exchange.getRequestBody()));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                reply = script.isEmpty() ? afterScript : script.poll();
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The agent talking to this server. */
    RetouchAgent agent(String apiKey) {
        return RetouchAgent.openAi("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "test-model", apiKey);
    }

    synchronized void script(Reply... replies) {
        script.addAll(List.of(replies));
    }

    synchronized void afterScript(Reply reply) {
        afterScript = reply;
    }

    synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Reply toolCall(String name, Map<String, Object> arguments) {
        ObjectNode call = JSON.createObjectNode().put("id", "call_" + name).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", write(arguments));
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        message.putArray("tool_calls").add(call);
        return completion(message, "tool_calls");
    }

    static Reply text(String content) {
        return completion(JSON.createObjectNode().put("role", "assistant").put("content", content), "stop");
    }

    static Reply error(int status) {
        return new Reply(status, "{\"error\": {\"message\": \"model is down\", \"type\": \"server_error\"}}");
    }

    /** A 200 answer whose body is not a completion. */
    static Reply unreadable(String body) {
        return new Reply(200, body);
    }

    private static Reply completion(ObjectNode message, String finishReason) {
        ObjectNode body = JSON.createObjectNode().put("id", "c").put("object", "chat.completion").put("created", 0)
                .put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.set("message", message);
        body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        return new Reply(200, write(body));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the tools a request offered. */
    static List<String> toolNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("tools").forEach(t -> names.add(t.get("function").get("name").asText()));
        return names;
    }

    /** The request's user message. */
    static JsonNode userMessage(JsonNode request) {
        for (JsonNode m : request.get("messages")) {
            if (m.get("role").asText().equals("user")) {
                return m;
            }
        }
        throw new AssertionError("no user message in " + request);
    }

    /** The text of the request's user message, whether sent as a string or as parts. */
    static String userText(JsonNode request) {
        JsonNode content = userMessage(request).get("content");
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }

    /** The images in the request's user message, in order, decoded by ImageIO from their data URLs. */
    static List<BufferedImage> images(JsonNode request) {
        JsonNode content = userMessage(request).get("content");
        List<BufferedImage> images = new ArrayList<>();
        if (content instanceof ArrayNode parts) {
            for (JsonNode part : parts) {
                if (part.get("type").asText().equals("image_url")) {
                    String url = part.get("image_url").get("url").asText();
                    if (!url.startsWith(DATA_URL)) {
                        throw new AssertionError("not a JPEG data URL: " + url.substring(0, Math.min(40,
                                url.length())));
                    }
                    images.add(decode(Base64.getDecoder().decode(url.substring(DATA_URL.length()))));
                }
            }
        }
        return images;
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
