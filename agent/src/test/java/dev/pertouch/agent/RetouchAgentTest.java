package dev.pertouch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static dev.pertouch.inference.Attribute.CONTRAST;
import static dev.pertouch.inference.Attribute.TEMPERATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetouchAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private RecordingChatModel model;
    private RetouchAgent agent;

    @BeforeEach
    void setUp() {
        model = new RecordingChatModel(new OfflineChatModel(StyleLibrary.bundled()));
        agent = new RetouchAgent(model, StyleLibrary.bundled());
    }

    @ParameterizedTest
    @CsvSource({
            "brighter, brightness, 1",
            "darker, brightness, -1",
            "warmer, temperature, 1",
            "cooler, temperature, -1",
            "more contrast, contrast, 1",
            "less contrast, contrast, -1",
            "less saturated, colorfulness, -1",
            "more saturated, colorfulness, 1"})
    void eachPlainWordRunsOneAdjustCallOnTheWholePhoto(String text, String attribute, int sign) throws Exception {
        AgentReply reply = agent.instruct(text, EditState.empty(), Photos.portrait());

        assertEquals(List.of("adjust"), model.toolNames());
        JsonNode args = JSON.readTree(model.toolCalls.get(0).arguments());
        assertEquals("global", args.get("region").asText());
        assertEquals(attribute, args.get("attribute").asText());
        assertEquals(sign * Lexicon.DEFAULT_STEP, args.get("amount").asDouble(), 1e-9);
        assertEquals(AgentReply.STRONG, reply.kind());
        Attribute a = Attribute.parse(attribute);
        assertEquals(sign * Lexicon.DEFAULT_STEP, reply.state().get("global", a).orElseThrow(), 1e-9);
        assertEquals(List.of(new Change("global", a, 0.0, sign * Lexicon.DEFAULT_STEP)), reply.changes());
    }

    @Test
    void theToolResultsGoBackToTheModelBeforeItAnswers() {
        AgentReply reply = agent.instruct("brighter", EditState.empty(), Photos.portrait());

        assertEquals(2, model.requests.size());
        assertEquals(1, model.toolResults().size());
        assertTrue(reply.message().contains(model.toolResults().get(0)));
    }

    @Test
    void onlyEditToolsAreOffered() {
        agent.instruct("brighter", EditState.empty(), Photos.portrait());

        assertEquals(List.of("adjust", "applyStyle", "keep", "optimize", "reset", "scaleLastChange", "setTarget",
                "undo"), model.offeredTools());
    }

    @Test
    void aRelativeMoveStartsFromTheCurrentTarget() {
        EditState current = EditState.empty().with("global", BRIGHTNESS, 0.3, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("brighter", current, Photos.portrait());

        assertEquals(0.5, reply.state().get("global", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void aRelativeMoveStartsFromThePhotosOwnValueWhenNothingIsSet() {
        PhotoContext photo = Photos.portraitMeasured(Map.of("sky", Map.of(BRIGHTNESS, 0.55)));

        AgentReply reply = agent.instruct("make the sky darker", EditState.empty(), photo);

        assertEquals(List.of(new Change("sky", BRIGHTNESS, 0.55, 0.35)), reply.changes());
    }

    @Test
    void brighteningTheWholePhotoMovesRegionsThatHaveTheirOwnBrightness() {
        EditState current = EditState.empty()
                .with("global", BRIGHTNESS, 0.1, EditState.Baseline.MEDIAN)
                .with("sky", BRIGHTNESS, 0.4, EditState.Baseline.MEDIAN)
                .with("person", TEMPERATURE, 0.2, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("brighter", current, Photos.portrait());

        assertEquals(0.3, reply.state().get("global", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(0.6, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
        assertTrue(reply.state().get("person", BRIGHTNESS).isEmpty());
        assertEquals(2, reply.changes().size());
    }

    @Test
    void brighteningTheSkyLeavesThePersonAlone() {
        EditState current = EditState.empty().with("person", BRIGHTNESS, -0.2, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("brighten the sky", current, Photos.portrait());

        assertEquals(-0.2, reply.state().get("person", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(List.of(new Change("sky", BRIGHTNESS, 0.0, 0.2)), reply.changes());
    }

    @Test
    void twoClausesRunToolsOnTwoRegions() throws Exception {
        agent.instruct("brighten the person and make the sky bluer", EditState.empty(), Photos.portrait());

        List<String> calls = model.toolCalls.stream().map(RetouchAgentTest::describe).toList();
        assertEquals(List.of("adjust person brightness +", "adjust sky colorfulness +", "adjust sky temperature -"),
                calls);
    }

    @Test
    void aListOfWordsForTheSameMoveIsOneMove() {
        AgentReply reply = agent.instruct("warm, golden and cozy", EditState.empty(), Photos.portrait());

        assertEquals(List.of("adjust"), model.toolNames());
        assertEquals(0.2, reply.state().get("global", TEMPERATURE).orElseThrow(), 1e-9);
    }

    @Test
    void toolsRunInTheOrderOfTheSentence() {
        EditState previous = EditState.empty().with("sky", BRIGHTNESS, 0.1, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("make it warmer and then undo", previous, previous, Photos.portrait());

        assertEquals(List.of("adjust", "undo"), model.toolNames());
        assertEquals(previous, reply.state());
    }

    @Test
    void magnitudeWordsSetTheStep() throws Exception {
        assertEquals(0.1, stepOf("slightly warmer"), 1e-9);
        assertEquals(0.2, stepOf("noticeably warmer"), 1e-9);
        assertEquals(0.4, stepOf("much warmer"), 1e-9);
    }

    @Test
    void asMuchAsPossibleSetsTheEndOfTheScale() {
        AgentReply reply = agent.instruct("make the sky as dark as possible", EditState.empty(), Photos.portrait());

        assertEquals(List.of("setTarget"), model.toolNames());
        assertEquals(-1.0, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void aTargetAtTheEndOfTheScaleStaysThere() {
        EditState current = EditState.empty().with("global", BRIGHTNESS, 1.0, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("brighter", current, Photos.portrait());

        assertEquals(List.of("adjust"), model.toolNames());
        assertEquals(current, reply.state());
        assertTrue(reply.changes().isEmpty());
    }

    @Test
    void aRegionThePhotoLacksChangesNothingAndNamesTheRegionsThereAre() {
        EditState current = EditState.empty().with("sky", CONTRAST, 0.3, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("make the lake bluer and brighten the person", current, Photos.portrait());

        assertTrue(model.toolCalls.isEmpty());
        assertEquals(AgentReply.NONE, reply.kind());
        assertEquals(current, reply.state());
        assertTrue(reply.changes().isEmpty());
        for (String region : Photos.portrait().regionIds()) {
            assertTrue(reply.message().contains(region), reply.message());
        }
    }

    @Test
    void aRegionIdOfThePhotoCanBeNamed() {
        PhotoContext photo = new PhotoContext(java.util.Set.of("red-car"), EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("make the red car a bit darker", EditState.empty(), photo);

        assertEquals(List.of(new Change("red-car", BRIGHTNESS, 0.0, -0.1)), reply.changes());
    }

    @Test
    void aNamedLookIsAppliedToTheRegionsThePhotoHas() {
        PhotoContext noSky = new PhotoContext(java.util.Set.of("person"), EditState.Baseline.MEDIAN);
        Style look = StyleLibrary.bundled().find("teal and orange").orElseThrow();

        AgentReply reply = agent.instruct("teal and orange please", EditState.empty(), noSky);

        assertEquals(List.of("applyStyle"), model.toolNames());
        assertEquals(AgentReply.WEAK_STYLE, reply.kind());
        assertEquals("teal-and-orange", reply.style());
        assertEquals(look.state().targets("global"), reply.state().targets("global"));
        assertEquals(look.state().targets("person"), reply.state().targets("person"));
        assertTrue(reply.state().region("sky").isEmpty());
    }

    @Test
    void aSubtleLookGoesHalfWay() {
        Style look = StyleLibrary.bundled().find("cinematic").orElseThrow();

        AgentReply reply = agent.instruct("a subtle cinematic look", EditState.empty(), Photos.portrait());

        double full = look.state().get("global", CONTRAST).orElseThrow();
        assertEquals(full / 2, reply.state().get("global", CONTRAST).orElseThrow(), 1e-3);
    }

    @Test
    void freeTextGoesToTheNearestLookAndTheAnswerNamesIt() {
        AgentReply reply = agent.instruct("like a summer afternoon in Italy", EditState.empty(), Photos.portrait());

        assertEquals(AgentReply.WEAK_STYLE, reply.kind());
        assertEquals("mediterranean-summer", reply.style());
        assertTrue(reply.message().contains("Mediterranean summer"), reply.message());
    }

    @Test
    void makingItBetterMovesEveryRegionTowardTheMedian() {
        PhotoContext photo = Photos.portraitMeasured(Map.of("global", Map.of(BRIGHTNESS, -0.5)));
        EditState current = EditState.empty().with("sky", TEMPERATURE, 0.6, photo.baseline());

        AgentReply reply = agent.instruct("make it look better", current, photo);

        assertEquals(List.of("optimize"), model.toolNames());
        assertEquals(AgentReply.WEAK_OPTIMIZE, reply.kind());
        for (String region : photo.regionIds()) {
            for (Attribute a : Attribute.values()) {
                assertEquals(0.0, reply.state().get(region, a).orElseThrow(), 1e-9, region + " " + a);
            }
        }
    }

    @Test
    void brighteningEverythingExceptTheSkyKeepsTheSkyWhereItWas() {
        EditState current = EditState.empty().with("sky", BRIGHTNESS, -0.3, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("brighten everything except the sky", current, Photos.portrait());

        assertEquals(List.of("adjust", "keep"), model.toolNames());
        assertEquals(0.2, reply.state().get("global", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(-0.3, reply.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void undoGoesBackToThePreviousState() {
        EditState previous = EditState.empty().with("sky", BRIGHTNESS, 0.1, EditState.Baseline.MEDIAN);
        EditState current = previous.with("person", TEMPERATURE, 0.4, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("undo that", current, previous, Photos.portrait());

        assertEquals(List.of("undo"), model.toolNames());
        assertEquals(previous, reply.state());
        assertEquals(List.of(new Change("person", TEMPERATURE, 0.4, 0.0)), reply.changes());
    }

    @Test
    void undoWithoutHistoryChangesNothing() {
        EditState current = EditState.empty().with("sky", BRIGHTNESS, 0.1, EditState.Baseline.MEDIAN);

        AgentReply reply = agent.instruct("undo", current, Photos.portrait());

        assertEquals(List.of("undo"), model.toolNames());
        assertEquals(AgentReply.NONE, reply.kind());
        assertEquals(current, reply.state());
    }

    @Test
    void notSoMuchHalvesTheLastChangeAndEvenMoreDoublesIt() {
        EditState previous = EditState.empty().with("sky", BRIGHTNESS, 0.1, EditState.Baseline.MEDIAN);
        EditState current = previous.with("global", CONTRAST, 0.4, EditState.Baseline.MEDIAN)
                .with("sky", BRIGHTNESS, 0.3, EditState.Baseline.MEDIAN);

        AgentReply less = agent.instruct("not so much", current, previous, Photos.portrait());
        AgentReply more = agent.instruct("even more", current, previous, Photos.portrait());

        assertEquals(0.2, less.state().get("global", CONTRAST).orElseThrow(), 1e-9);
        assertEquals(0.2, less.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals(0.8, more.state().get("global", CONTRAST).orElseThrow(), 1e-9);
        assertEquals(0.5, more.state().get("sky", BRIGHTNESS).orElseThrow(), 1e-9);
    }

    @Test
    void planJsonHasExactlyTheDecisionFields() throws Exception {
        AgentReply reply = agent.instruct("brighten the sky", EditState.empty(), Photos.portrait());

        JsonNode plan = JSON.readTree(reply.planJson());

        assertEquals(List.of("kind", "style", "changes", "rounds"), fieldNames(plan));
        assertEquals("strong", plan.get("kind").asText());
        assertTrue(plan.get("style").isNull());
        JsonNode change = plan.get("changes").get(0);
        assertEquals(List.of("region", "attribute", "from", "to"), fieldNames(change));
        assertEquals("brightness", change.get("attribute").asText());
        assertEquals(0.2, change.get("to").asDouble(), 1e-9);
        assertTrue(plan.get("rounds").isArray());
    }

    @Test
    void theReplySerialisesWithItsStateAndMessage() throws Exception {
        AgentReply reply = agent.instruct("golden hour", EditState.empty(), Photos.portrait());

        JsonNode json = JSON.valueToTree(reply);

        assertEquals("golden-hour", json.get("style").asText());
        assertEquals(reply.state(), EditState.fromJson(json.get("state")));
        assertFalse(json.get("message").asText().isBlank());
    }

    @Test
    void withoutAPhotoEveryNamedRegionCanBeEdited() {
        AgentReply reply = agent.instruct("make the sea bluer", EditState.empty(), PhotoContext.withoutPhoto());

        assertEquals(AgentReply.STRONG, reply.kind());
        assertEquals("water", reply.changes().get(0).region());
    }

    @Test
    void anOfflineAgentNeedsNoSetup() {
        AgentReply reply = RetouchAgent.offline().instruct("warmer", EditState.empty(), Photos.portrait());

        assertEquals(0.2, reply.state().get("global", TEMPERATURE).orElseThrow(), 1e-9);
        assertNull(reply.style());
    }

    private double stepOf(String text) throws Exception {
        model.clear();
        agent.instruct(text, EditState.empty(), Photos.portrait());
        return JSON.readTree(model.toolCalls.get(0).arguments()).get("amount").asDouble();
    }

    private static String describe(ToolExecutionRequest r) {
        try {
            JsonNode a = JSON.readTree(r.arguments());
            return r.name() + " " + a.get("region").asText() + " " + a.get("attribute").asText() + " "
                    + (a.get("amount").asDouble() > 0 ? "+" : "-");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
