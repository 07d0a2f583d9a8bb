package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneSimilarityTest {

    @Test
    void aSceneIsFullySimilarToItself() {
        assertEquals(1.0, SceneMemory.similarity(Samples.LANDSCAPE, Samples.OPEN_VIEW, Samples.LANDSCAPE,
                Samples.OPEN_VIEW), 1e-6);
    }

    @Test
    void tagsCountByJaccardAndDescriptorsByCosine() {
        double similarity = SceneMemory.similarity(Set.of("sky", "water"), new float[] {1, 0},
                Set.of("water", "night"), new float[] {1, 1});

        assertEquals(SceneMemory.TAG_WEIGHT / 3 + SceneMemory.DESCRIPTOR_WEIGHT / Math.sqrt(2), similarity, 1e-6);
    }

    @Test
    void oppositeDescriptorsCountAsUnrelatedNotAsNegative() {
        assertEquals(0.0, SceneMemory.similarity(Set.of("sky"), new float[] {1, -1}, Set.of("water"),
                new float[] {-1, 1}), 1e-9);
    }

    @Test
    void twoScenesWithoutTagsAgreeOnTags() {
        assertEquals(SceneMemory.TAG_WEIGHT, SceneMemory.similarity(Set.of(), new float[] {1, 0}, Set.of(),
                new float[] {0, 1}), 1e-9);
    }

    @Test
    void descriptorsOfAnotherLayoutOrAllZeroAreUnrelated() {
        assertEquals(SceneMemory.TAG_WEIGHT, SceneMemory.similarity(Samples.LANDSCAPE, new float[] {1, 0, 0},
                Samples.LANDSCAPE, new float[] {1, 0}), 1e-9);
        assertEquals(SceneMemory.TAG_WEIGHT, SceneMemory.similarity(Samples.LANDSCAPE, new float[] {0, 0},
                Samples.LANDSCAPE, new float[] {0, 0}), 1e-9);
    }

    @Test
    void sharingTagsAloneDoesNotMakeAMatch() {
        assertTrue(SceneMemory.similarity(Samples.LANDSCAPE, Samples.OPEN_VIEW, Samples.LANDSCAPE,
                new float[] {0, 0, 0, 0, 0, 0, -0.1f, -0.2f, 0.3f, -0.4f}) < SceneMemory.MIN_SIMILARITY);
    }
}
