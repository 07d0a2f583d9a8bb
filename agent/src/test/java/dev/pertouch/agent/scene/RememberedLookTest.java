package dev.pertouch.agent.scene;

import dev.pertouch.agent.AgentReply;
import dev.pertouch.agent.PhotoContext;
import dev.pertouch.agent.RetouchAgent;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static dev.pertouch.inference.Attribute.TEMPERATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Make it look better" starts from what the user kept for similar photos. */
class RememberedLookTest {
    private static final PhotoAnalysis MOUNTAIN = Analyses.of(Analyses.DAYLIGHT_RAW,
            new AttributeValues(0.1, 0.2, -0.5, 0.4), Analyses.region("sky", 0.4, new AttributeValues(0.3, 0, -0.7, 0.6)),
            Analyses.region("vegetation", 0.6));
    private static final EditState WARMER = EditState.empty().with("global", TEMPERATURE, -0.2, MOUNTAIN.baseline());

    private final RetouchAgent agent = RetouchAgent.offline();

    @Test
    void improvingStartsFromTheRememberedLookAndTakesTheRestToTheMedian() {
        AgentReply reply = agent.instruct("make it look better", EditState.empty(), context().withSuggestion(WARMER));

        assertEquals(AgentReply.WEAK_OPTIMIZE, reply.kind());
        assertEquals(-0.2, reply.state().get("global", TEMPERATURE).orElseThrow(), 1e-9);
        for (String region : context().regionIds()) {
            for (Attribute a : Attribute.values()) {
                if (!(region.equals("global") && a == TEMPERATURE)) {
                    assertEquals(0.0, reply.state().get(region, a).orElseThrow(), 1e-9, region + " " + a);
                }
            }
        }
        assertTrue(reply.message().contains("the look you kept for similar photos"), reply.message());
    }

    @Test
    void withNothingRememberedImprovingTakesEverythingToTheMedian() {
        AgentReply reply = agent.instruct("make it look better", EditState.empty(), context());

        assertEquals(AgentReply.WEAK_OPTIMIZE, reply.kind());
        assertEquals(0.0, reply.state().get("global", TEMPERATURE).orElseThrow(), 1e-9);
        assertTrue(reply.message().contains("typical expert look"), reply.message());
    }

    @Test
    void anExplicitInstructionIgnoresTheRememberedLook() {
        AgentReply reply = agent.instruct("brighter", EditState.empty(), context().withSuggestion(WARMER));

        assertEquals(AgentReply.STRONG, reply.kind());
        assertTrue(reply.state().get("global", TEMPERATURE).isEmpty());
    }

    private static PhotoContext context() {
        return new PhotoContext(MOUNTAIN.regions().stream().map(Region::id).collect(Collectors.toSet()),
                MOUNTAIN.baseline());
    }
}
