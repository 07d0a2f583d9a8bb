package dev.pertouch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent against a fake OpenAI-compatible server on loopback that answers with scripted completions. */
class OpenAiCompatibleModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final List<JsonNode> received = new ArrayList<>();
    private final Deque<String> answers = new ConcurrentLinkedDeque<>();
    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            synchronized (received) {
                received.add(JSON.readTree(exchange.getRequestBody()));
            }
            String answer = status == 200 ? answers.poll() : "{\"error\":{\"message\":\"model is down\"}}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RetouchAgent agent() {
        return RetouchAgent.openAi("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "test-model", null);
    }

    private static String toolCall(String name, String arguments) throws IOException {
        return JSON.writeValueAsString(JSON.readTree("""
                {"id": "c1", "object": "chat.completion", "created": 0, "model": "test-model",
                 "choices": [{"index": 0, "finish_reason": "tool_calls",
                   "message": {"role": "assistant", "content": null, "tool_calls": [
                     {"id": "call_1", "type": "function", "function": {"name": "%s", "arguments": %s}}]}}],
                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
                """.formatted(name, JSON.writeValueAsString(arguments))));
    }

    private static String text(String content) throws IOException {
        return JSON.writeValueAsString(JSON.readTree("""
                {"id": "c2", "object": "chat.completion", "created": 0, "model": "test-model",
                 "choices": [{"index": 0, "finish_reason": "stop",
                   "message": {"role": "assistant", "content": %s}}],
                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
                """.formatted(JSON.writeValueAsString(content))));
    }

    @Test
    void theToolCallsTheServerAnswersWithAreExecuted() throws IOException {
        answers.add(toolCall("adjust", "{\"region\": \"sky\", \"attribute\": \"brightness\", \"amount\": 0.3}"));
        answers.add(text("The sky is brighter."));

        AgentReply reply = agent().instruct("brighten the sky", EditState.empty(), Photos.portrait());

        assertEquals(0.3, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(AgentReply.STRONG, reply.kind());
        assertEquals("The sky is brighter.", reply.message());
        assertEquals(2, received.size());
        JsonNode secondTurn = received.get(1).get("messages");
        JsonNode toolResult = secondTurn.get(secondTurn.size() - 1);
        assertEquals("tool", toolResult.get("role").asText());
        assertTrue(toolResult.get("content").asText().contains("sky brightness"));
    }

    @Test
    void eachRequestCarriesTheToolSchemasAndThePhotosRegions() throws IOException {
        answers.add(text("Nothing to do."));

        agent().instruct("hello", EditState.empty(), Photos.portrait());

        JsonNode request = received.get(0);
        List<String> tools = new ArrayList<>();
        request.get("tools").forEach(t -> tools.add(t.get("function").get("name").asText()));
        assertTrue(tools.containsAll(List.of("adjust", "setTarget", "applyStyle", "optimize", "keep", "reset",
                "undo", "scaleLastChange")), tools.toString());
        JsonNode adjust = null;
        for (JsonNode t : request.get("tools")) {
            if (t.get("function").get("name").asText().equals("adjust")) {
                adjust = t.get("function").get("parameters");
            }
        }
        assertEquals("number", adjust.get("properties").get("amount").get("type").asText());
        JsonNode messages = request.get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        String user = messages.get(1).get("content").asText();
        assertTrue(user.contains(RetouchAssistant.REGIONS_LABEL + "global, subject, person, sky"), user);
    }

    @Test
    void aToolCallOnARegionThePhotoLacksIsRefusedAndChangesNothing() throws IOException {
        answers.add(toolCall("adjust", "{\"region\": \"lake\", \"attribute\": \"brightness\", \"amount\": 0.3}"));
        answers.add(text("Sorry."));

        AgentReply reply = agent().instruct("brighten the lake", EditState.empty(), Photos.portrait());

        assertTrue(reply.state().isEmpty());
        assertEquals(AgentReply.NONE, reply.kind());
    }

    @Test
    void aModelErrorIsAnErrorNotAnAnswer() {
        status = 500;

        AgentException e = assertThrows(AgentException.class,
                () -> agent().instruct("brighter", EditState.empty(), Photos.portrait()));

        assertEquals("model_failed", e.code());
    }

    @Test
    void anUnreachableModelIsAnError() {
        server.stop(0);

        AgentException e = assertThrows(AgentException.class,
                () -> agent().instruct("brighter", EditState.empty(), Photos.portrait()));

        assertEquals("model_failed", e.code());
    }
}
