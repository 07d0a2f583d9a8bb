package dev.pertouch.agent;

import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static dev.pertouch.inference.Attribute.CONTRAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tools as any model could call them, including with arguments the offline model never produces. */
class EditToolsTest {
    private static final EditState CURRENT = EditState.empty().with("sky", CONTRAST, 0.2, EditState.Baseline.MEDIAN);

    private EditTools tools() {
        return new EditTools(Photos.portrait(), StyleLibrary.bundled(), CURRENT, null);
    }

    @Test
    void callsWithBadArgumentsChangeNothing() {
        EditTools tools = tools();

        List<String> answers = List.of(
                tools.adjust("water", "brightness", 0.2),
                tools.adjust("sky", "sharpness", 0.2),
                tools.adjust("sky", "brightness", Double.NaN),
                tools.adjust("sky", "brightness", 5),
                tools.setTarget("sky", "brightness", 1.5),
                tools.setTarget(null, "brightness", 0.5),
                tools.applyStyle("disco inferno", 1),
                tools.applyStyle("cinematic", 0),
                tools.optimize("lake"),
                tools.keep("global"),
                tools.reset("GLOBAL; DROP TABLE edits"),
                tools.scaleLastChange(0.5),
                tools.undo());

        assertEquals(CURRENT, tools.state());
        assertEquals(AgentReply.NONE, tools.kind());
        answers.forEach(a -> assertTrue(a.startsWith("Not changed") || a.startsWith("There is no"), a));
    }

    @Test
    void aMoveBeyondTheScaleStopsAtItsEnd() {
        EditTools tools = tools();

        tools.adjust("sky", "contrast", 1.9);

        assertEquals(1.0, tools.state().get("sky", CONTRAST).orElseThrow(), 1e-9);
    }

    @Test
    void attributeAliasesAreAccepted() {
        EditTools tools = tools();

        tools.adjust("person", "exposure", -0.1);

        assertEquals(-0.1, tools.state().get("person", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void resettingARegionRemovesItsTargetsAndResettingGlobalClearsAll() {
        EditTools tools = tools();

        tools.adjust("global", "brightness", 0.2);
        tools.reset("sky");
        assertEquals(Set.of("global"), regions(tools.state()));
        tools.reset("global");
        assertTrue(tools.state().isEmpty());
    }

    @Test
    void scalingByZeroIsUndo() {
        EditState previous = EditState.empty().with("global", BRIGHTNESS, 0.1, EditState.Baseline.MEDIAN);
        EditState current = previous.with("global", BRIGHTNESS, 0.5, EditState.Baseline.MEDIAN)
                .with("sky", CONTRAST, 0.3, EditState.Baseline.MEDIAN);
        EditTools tools = new EditTools(Photos.portrait(), StyleLibrary.bundled(), current, previous);

        tools.scaleLastChange(0);

        assertEquals(0.1, tools.state().get("global", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(0.0, tools.state().resolve("sky", CONTRAST, EditState.Baseline.MEDIAN), 1e-9);
    }

    private static Set<String> regions(EditState state) {
        Set<String> out = new java.util.HashSet<>();
        state.regions().forEach(out::add);
        return out;
    }
}
