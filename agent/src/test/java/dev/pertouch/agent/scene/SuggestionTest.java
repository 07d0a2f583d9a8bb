package dev.pertouch.agent.scene;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.memory.SceneRecord;
import dev.pertouch.memory.SimilarScene;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static dev.pertouch.inference.Attribute.COLORFULNESS;
import static dev.pertouch.inference.Attribute.TEMPERATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How remembered deltas combine into a state for a new photo. */
class SuggestionTest {
    private static final PhotoAnalysis MOUNTAIN = Analyses.of(Analyses.DAYLIGHT_RAW,
            new AttributeValues(0.1, 0.2, -0.5, 0.9), Analyses.region("sky", 0.4, new AttributeValues(0.3, 0, -0.7, 0.6)),
            Analyses.region("vegetation", 0.6));

    @Test
    void closerScenesWeighMoreInTheMeanDelta() {
        Suggestion s = Suggestion.combine(List.of(
                similar("near", 0.9, kept("global", "temperature", 0.4)),
                similar("far", 0.6, kept("global", "temperature", 0.1))), MOUNTAIN).orElseThrow();

        double mean = (0.9 * 0.4 + 0.6 * 0.1) / (0.9 + 0.6);
        assertEquals(mean, s.deltas().get("global").get(TEMPERATURE), 1e-9);
        assertEquals(-0.5 + mean, s.state().get("global", TEMPERATURE).orElseThrow(), 1e-9);
        assertEquals(List.of("near", "far"), s.recordIds());
        assertEquals("Suggested from 2 of your similar photos", s.summary());
    }

    @Test
    void aTargetPastTheEndOfTheScaleStopsThere() {
        Suggestion s = Suggestion.combine(List.of(similar("one", 0.8, kept("global", "brightness", 0.3))), MOUNTAIN)
                .orElseThrow();

        assertEquals(1.0, s.state().get("global", BRIGHTNESS).orElseThrow(), 1e-9);
        assertEquals("Suggested from 1 similar photo of yours", s.summary());
    }

    @Test
    void oneOddEditAmongManyIsNotAHabit() {
        Suggestion s = Suggestion.combine(List.of(
                similar("usual-1", 0.9, kept("global", "temperature", 0.3), untouched("sky")),
                similar("usual-2", 0.8, kept("global", "temperature", 0.3), untouched("sky")),
                similar("odd", 0.7, kept("global", "temperature", 0.3), kept("sky", "colorfulness", 0.5))), MOUNTAIN)
                .orElseThrow();

        assertTrue(s.state().get("global", TEMPERATURE).isPresent());
        assertFalse(s.state().get("sky", COLORFULNESS).isPresent());
    }

    @Test
    void photosWithoutARegionDoNotVoteOnIt() {
        Suggestion s = Suggestion.combine(List.of(
                similar("with-sky", 0.7, untouched("global"), kept("sky", "colorfulness", 0.2)),
                similar("no-sky", 0.9, kept("global", "brightness", -0.1))), MOUNTAIN).orElseThrow();

        assertEquals(0.3 + 0.2, s.state().get("sky", COLORFULNESS).orElseThrow(), 1e-9);
    }

    @Test
    void regionsTheNewPhotoLacksAreLeftOut() {
        Optional<Suggestion> s = Suggestion.combine(List.of(similar("lake", 0.9, untouched("global"),
                kept("water", "temperature", 0.3))),
                MOUNTAIN);

        assertEquals(Optional.empty(), s);
    }

    @Test
    void similarPhotosLeftAsTheyWereSuggestNothing() {
        assertEquals(Optional.empty(), Suggestion.combine(List.of(similar("as-is", 0.9, untouched("global"))),
                MOUNTAIN));
        assertEquals(Optional.empty(), Suggestion.combine(List.of(), MOUNTAIN));
    }

    @Test
    void theWholePhotoIsSetBeforeItsRegionsSoTheRegionsKeepTheirOwnDeltas() {
        Suggestion s = Suggestion.combine(List.of(similar("both", 0.9, kept("global", "temperature", 0.2),
                kept("sky", "temperature", -0.1))), MOUNTAIN).orElseThrow();

        assertEquals(-0.5 + 0.2, s.state().get("global", TEMPERATURE).orElseThrow(), 1e-9);
        assertEquals(-0.7 - 0.1, s.state().get("sky", TEMPERATURE).orElseThrow(), 1e-9);
    }

    @SafeVarargs
    private static SimilarScene similar(String id, double similarity, Map.Entry<String, Map<String, Double>>... regions) {
        Map<String, Map<String, Double>> relative = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> r : regions) {
            relative.merge(r.getKey(), r.getValue(), (a, b) -> {
                Map<String, Double> both = new LinkedHashMap<>(a);
                both.putAll(b);
                return both;
            });
        }
        SceneRecord record = new SceneRecord(id, "alice", id + "-photo", id + "-edit", Set.of("landscape"),
                new float[] {1, 0}, relative, Instant.parse("2025-06-01T10:00:00Z"));
        return new SimilarScene(record, similarity);
    }

    private static Map.Entry<String, Map<String, Double>> kept(String region, String attribute, double delta) {
        return Map.entry(region, Map.of(attribute, delta));
    }

    private static Map.Entry<String, Map<String, Double>> untouched(String region) {
        return Map.entry(region, Map.of());
    }
}
