package dev.pertouch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static dev.pertouch.agent.FakeOpenAiServer.error;
import static dev.pertouch.agent.FakeOpenAiServer.text;
import static dev.pertouch.agent.FakeOpenAiServer.toolCall;
import static dev.pertouch.agent.FakeOpenAiServer.unreadable;
import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rethinking with a model that can see, against a fake OpenAI-compatible server: the model is shown the result
 * before and after each change with the measured numbers, and judges or corrects it. The renders come from a
 * renderer that lands half way to each target, so by the numbers the first render is too weak.
 */
class ModelRethinkingTest {
    private static final Map<String, Object> SKY_UP = Map.of("region", "sky", "attribute", "brightness", "amount", 0.2);
    private FakeOpenAiServer server;
    private ProportionalRenderer renderer;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenAiServer();
        renderer = new ProportionalRenderer(Photos.portrait(), 0.5);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AgentReply brightenTheSky(Renderer with) {
        return server.agent(null).instruct("brighten the sky", EditState.empty(), null, Photos.portrait(), with);
    }

    private AgentReply brightenTheSky() {
        return brightenTheSky(Renderer.withImages(renderer::withPicture));
    }

    private static FakeOpenAiServer.Reply judge(boolean satisfied, String reason) {
        return toolCall("judge", Map.of("satisfied", satisfied, "reason", reason));
    }

    /** The grey level the model saw in the middle of an image. */
    private static int grey(BufferedImage image) {
        return image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFF;
    }

    @Test
    void theModelSeesThePreviousAndCurrentResultsAndItsCorrectionIsRendered() {
        server.script(toolCall("adjust", SKY_UP), text("Brightened the sky."),
                toolCall("adjust", SKY_UP), text("Still too dark; pushed further."),
                judge(true, "The sky is clearly brighter."));

        AgentReply reply = brightenTheSky();

        assertEquals(0.4, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(List.of(Rethinker.REVISED, Rethinker.SATISFIED),
                reply.rounds().stream().map(Round::verdict).toList());
        assertTrue(reply.rounds().get(1).reason().startsWith("The sky is clearly brighter."));
        List<JsonNode> requests = server.requests();
        assertEquals(5, requests.size());
        EditState start = EditState.empty();
        EditState first = reply.rounds().get(0).state();
        EditState second = reply.rounds().get(1).state();
        assertEquals(List.of(first, start, second), renderer.rendered);
        for (int[] review : new int[][] {{2, renderer.grey(start), renderer.grey(first)},
                {4, renderer.grey(first), renderer.grey(second)}}) {
            JsonNode request = requests.get(review[0]);
            List<BufferedImage> shown = FakeOpenAiServer.images(request);
            assertEquals(2, shown.size());
            assertEquals(512, shown.get(0).getWidth());
            assertEquals(review[1], grey(shown.get(0)), 3);
            assertEquals(review[2], grey(shown.get(1)), 3);
            assertTrue(FakeOpenAiServer.toolNames(request).containsAll(List.of("judge", "adjust", "setTarget")));
        }
        assertTrue(FakeOpenAiServer.userText(requests.get(2)).contains("sky brightness moved +0.10 of +0.20"));
        assertTrue(FakeOpenAiServer.userText(requests.get(4)).contains("sky brightness moved +0.20 of +0.20"));
        assertTrue(reply.message().contains("Checked after 2 renders"), reply.message());
    }

    @Test
    void withoutPicturesTheModelJudgesByTheNumbers() {
        server.script(toolCall("adjust", SKY_UP), text("Brightened the sky."), judge(true, "Close enough."));

        AgentReply reply = brightenTheSky(renderer);

        List<JsonNode> requests = server.requests();
        assertTrue(FakeOpenAiServer.images(requests.get(2)).isEmpty());
        assertTrue(FakeOpenAiServer.userText(requests.get(2)).contains("judge by the numbers"));
        assertEquals(List.of(reply.state()), renderer.rendered);
        assertEquals(Rethinker.SATISFIED, reply.rounds().get(0).verdict());
    }

    @Test
    void aResultTheModelFindsWrongIsNotApproved() {
        server.script(toolCall("adjust", SKY_UP), text("Brightened the sky."),
                judge(false, "The sky turned grey instead of brighter."));

        AgentReply reply = brightenTheSky();

        assertEquals(List.of(Rethinker.UNSATISFIED), reply.rounds().stream().map(Round::verdict).toList());
        assertTrue(reply.message().contains("still not quite as asked: The sky turned grey"), reply.message());
    }

    @Test
    void aModelThatKeepsCorrectingIsStoppedAfterThreeRenders() {
        for (int i = 0; i < 4; i++) {
            server.script(toolCall("adjust", SKY_UP), text("More."));
        }

        AgentReply reply = brightenTheSky();

        assertEquals(Rethinker.MAX_ROUNDS, reply.rounds().size());
        assertEquals(Rethinker.MAX_ROUNDS + 1, renderer.rendered.size());
        assertEquals(reply.rounds().get(2).state(), reply.state());
        assertTrue(reply.message().contains("Stopped after 3 renders"), reply.message());
    }

    @Test
    void aModelErrorWhileJudgingIsAnErrorNeverSatisfied() {
        server.script(toolCall("adjust", SKY_UP), text("Brightened the sky."));
        server.afterScript(error(500));

        AgentException e = assertThrows(AgentException.class, this::brightenTheSky);

        assertEquals(AgentException.MODEL_FAILED, e.code());
        assertEquals(3, server.requests().size());
    }

    @Test
    void anUnreadableJudgementIsAnError() {
        server.script(toolCall("adjust", SKY_UP), text("Brightened the sky."));
        server.afterScript(unreadable("<html>gateway timeout</html>"));

        AgentException e = assertThrows(AgentException.class, this::brightenTheSky);

        assertEquals(AgentException.MODEL_FAILED, e.code());
    }

    @Test
    void anAnswerWithoutAJudgementIsAnErrorNeverSatisfied() {
        server.script(toolCall("adjust", SKY_UP), text("Brightened the sky."), text("Looks great to me!"));

        AgentException e = assertThrows(AgentException.class, this::brightenTheSky);

        assertEquals(AgentException.MODEL_FAILED, e.code());
        assertTrue(e.getMessage().contains("without judging"), e.getMessage());
    }
}
