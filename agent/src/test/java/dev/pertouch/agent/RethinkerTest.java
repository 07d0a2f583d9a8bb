package dev.pertouch.agent;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RethinkerTest {
    private final RetouchAgent agent = RetouchAgent.offline();

    /**
     * Stands in for the engine, which this module cannot see: each region lands a fixed share of the way from
     * the photo's own value to its target, as a renderer that under- or overshoots would.
     */
    private static final class ProportionalRenderer implements Renderer {
        private final PhotoContext photo;
        private final double share;
        final List<EditState> rendered = new ArrayList<>();

        ProportionalRenderer(PhotoContext photo, double share) {
            this.photo = photo;
            this.share = share;
        }

        @Override
        public Map<String, AttributeValues> render(EditState state) {
            rendered.add(state);
            Map<String, AttributeValues> measured = new LinkedHashMap<>();
            for (String region : photo.regionIds()) {
                double[] v = new double[Attribute.values().length];
                for (Attribute a : Attribute.values()) {
                    double own = photo.baseline().value(region, a);
                    v[a.ordinal()] = own + share * (state.resolve(region, a, photo.baseline()) - own);
                }
                measured.put(region, AttributeValues.of(v));
            }
            return measured;
        }
    }

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
}
