package dev.pertouch.agent;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RethinkerTest {
    private final RetouchAgent agent = RetouchAgent.offline();

    @Test
    void anAccurateRenderIsAcceptedAtOnce() {
        ProportionalRenderer renderer = new ProportionalRenderer(Photos.portrait(), 1.0);

        AgentReply reply = agent.instruct("brighten the sky", EditState.empty(), null, Photos.portrait(), renderer);

        assertEquals(1, reply.rounds().size());
        assertEquals(Rethinker.SATISFIED, reply.rounds().get(0).verdict());
        assertEquals(0.2, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void aTooWeakResultIsPushedFurtherAndRenderedAgain() {
        ProportionalRenderer renderer = new ProportionalRenderer(Photos.portrait(), 0.5);

        AgentReply reply = agent.instruct("brighten the sky", EditState.empty(), null, Photos.portrait(), renderer);

        assertEquals(List.of(Rethinker.TOO_WEAK, Rethinker.SATISFIED),
                reply.rounds().stream().map(Round::verdict).toList());
        assertEquals(0.4, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(0.2, reply.rounds().get(1).measured().get("sky").brightness(), 1e-9);
        assertEquals(reply.rounds().get(1).state(), renderer.rendered.get(1));
    }

    @Test
    void aTooStrongResultIsPulledBack() {
        ProportionalRenderer renderer = new ProportionalRenderer(Photos.portrait(), 2.5);

        AgentReply reply = agent.instruct("slightly warmer", EditState.empty(), null, Photos.portrait(), renderer);

        assertEquals(Rethinker.TOO_STRONG, reply.rounds().get(0).verdict());
        assertEquals(Rethinker.SATISFIED, reply.rounds().get(reply.rounds().size() - 1).verdict());
        assertEquals(0.04, reply.state().get("global", Attribute.TEMPERATURE).orElseThrow(), 1e-9);
    }

    @Test
    void aRenderThatCannotGoFurtherStopsEarly() {
        ProportionalRenderer renderer = new ProportionalRenderer(Photos.portrait(), 0.1);

        AgentReply reply = agent.instruct("much brighter sky", EditState.empty(), null, Photos.portrait(), renderer);

        assertTrue(reply.rounds().size() <= Rethinker.MAX_ROUNDS);
        Round last = reply.rounds().get(reply.rounds().size() - 1);
        assertEquals(Rethinker.AT_LIMIT, last.verdict());
        assertEquals(1.0, last.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void neverMoreThanThreeRenders() {
        ProportionalRenderer renderer = new ProportionalRenderer(Photos.portrait(), 0.3);

        agent.instruct("make the person a little warmer", EditState.empty(), null, Photos.portrait(), renderer);

        assertTrue(renderer.rendered.size() <= Rethinker.MAX_ROUNDS);
    }

    @Test
    void looksAndRefusalsAreNotRendered() {
        ProportionalRenderer renderer = new ProportionalRenderer(Photos.portrait(), 1.0);

        agent.instruct("cinematic", EditState.empty(), null, Photos.portrait(), renderer);
        agent.instruct("brighten the lake", EditState.empty(), null, Photos.portrait(), renderer);

        assertTrue(renderer.rendered.isEmpty());
    }

    @Test
    void theOfflineModelJudgesByTheNumbersEvenWhenGivenPictures() {
        ProportionalRenderer numbersOnly = new ProportionalRenderer(Photos.portrait(), 0.5);
        ProportionalRenderer pictured = new ProportionalRenderer(Photos.portrait(), 0.5);
        PhotoContext withPhoto = Photos.portrait().withPhoto(new RgbImage(4, 4, new int[16]));

        AgentReply plain = agent.instruct("brighten the sky", EditState.empty(), null, Photos.portrait(), numbersOnly);
        AgentReply shown = agent.instruct("brighten the sky", EditState.empty(), null, withPhoto,
                Renderer.withImages(pictured::withPicture));

        assertEquals(plain.rounds(), shown.rounds());
        assertEquals(plain.message(), shown.message());
        assertEquals(numbersOnly.rendered, pictured.rendered);
    }
}
