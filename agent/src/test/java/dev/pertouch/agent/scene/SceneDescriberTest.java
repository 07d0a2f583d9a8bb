package dev.pertouch.agent.scene;

import dev.pertouch.agent.PhotoContext;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.memory.SceneMemory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneDescriberTest {
    private static final SceneDescriber DESCRIBER = new SceneDescriber();
    private static RetouchEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = RetouchEngine.create(EngineConfig.defaults());
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void skyAndGreeneryFillingTheFrameMakeALandscape() {
        Scene scene = DESCRIBER.describe(Analyses.of(Analyses.region("sky", 0.35), Analyses.region("vegetation", 0.6)));

        assertEquals(Set.of("greenery", "landscape", "sky"), scene.tags());
    }

    @Test
    void aPersonInTheViewMakesItAPortraitNotALandscape() {
        Scene scene = DESCRIBER.describe(Analyses.of(Analyses.region("sky", 0.4), Analyses.region("vegetation", 0.3),
                Analyses.region("person", 0.2), Analyses.region("subject", 0.25)));

        assertEquals(Set.of("greenery", "portrait", "sky"), scene.tags());
    }

    @Test
    void twoSeparatePeopleMakeAGroupAndOneDoesNot() {
        float[] two = new float[512 * 384];
        float[] one = new float[512 * 384];
        for (int y = 100; y < 380; y++) {
            for (int x = 60; x < 160; x++) {
                two[y * 512 + x] = 1;
                two[y * 512 + x + 250] = 1;
                one[y * 512 + x] = 1;
            }
        }
        Region pair = new Region("person", "person", two, 0.28, Analyses.DAYLIGHT_RAW, AttributeValues.ZERO);
        Region single = new Region("person", "person", one, 0.14, Analyses.DAYLIGHT_RAW, AttributeValues.ZERO);

        assertEquals(Set.of("group", "portrait"), DESCRIBER.describe(Analyses.of(pair)).tags());
        assertEquals(Set.of("portrait"), DESCRIBER.describe(Analyses.of(single)).tags());
    }

    @Test
    void aThinStripOfWaterCountsButAThinStripOfSkyDoesNot() {
        Scene scene = DESCRIBER.describe(Analyses.of(Analyses.region("water", 0.06), Analyses.region("sky", 0.08),
                Analyses.region("background", 0.86)));

        assertEquals(Set.of("water"), scene.tags());
    }

    @Test
    void aLargeSubjectThatIsNoPersonIsACloseUp() {
        assertEquals(Set.of("close-up"), DESCRIBER.describe(Analyses.of(Analyses.region("subject", 0.4),
                Analyses.region("background", 0.6))).tags());
        assertEquals(Set.of(), DESCRIBER.describe(Analyses.of(Analyses.region("subject", 0.2))).tags());
    }

    @Test
    void aPhotoKnownOnlyAsAWholeGetsNoSceneTagsFromRegions() {
        assertEquals(Set.of(), DESCRIBER.describe(Analyses.of()).tags());
    }

    @Test
    void theNightShotIsNightAndTheDaylightPhotosAreNot() {
        assertTrue(DESCRIBER.describe(engine.analyze(ReferencePhotos.load("rocket.jpg"))).tags().contains("night"));
        for (String day : new String[] {"dragonfly.jpg", "dandelions.jpg", "coffee.jpg", "astronaut.jpg"}) {
            assertFalse(DESCRIBER.describe(engine.analyze(ReferencePhotos.load(day))).tags().contains("night"), day);
        }
    }

    @Test
    void aPhotoWithItsColourTakenOutIsMonochromeAndTheOriginalIsNot() {
        RgbImage coffee = ReferencePhotos.load("coffee.jpg");

        assertTrue(DESCRIBER.describe(engine.analyze(ReferencePhotos.grey(coffee))).tags().contains("monochrome"));
        assertFalse(DESCRIBER.describe(engine.analyze(coffee)).tags().contains("monochrome"));
        assertFalse(DESCRIBER.describe(engine.analyze(ReferencePhotos.load("bird-lamp.jpg"))).tags()
                .contains("monochrome"));
    }

    @Test
    void theDescriptorHoldsAreasThenWholePhotoValuesThenAreaWeightedRegionValues() {
        AttributeValues whole = new AttributeValues(0.1, -0.2, 0.3, -0.4);
        AttributeValues sky = new AttributeValues(0.5, 0.6, -0.7, 0.8);
        float[] d = DESCRIBER.describe(Analyses.of(Analyses.DAYLIGHT_RAW, whole, Analyses.region("sky", 0.25, sky)))
                .descriptor();

        assertEquals(SceneDescriber.DESCRIPTOR_LENGTH, d.length);
        int named = PhotoContext.NAMED_REGIONS.size();
        int skyIndex = PhotoContext.NAMED_REGIONS.indexOf("sky");
        float[] areas = new float[named];
        areas[skyIndex] = 0.25f;
        assertArrayEquals(areas, Arrays.copyOfRange(d, 0, named));
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f, -0.4f}, Arrays.copyOfRange(d, named, named + 4));
        int skyValues = named + 4 + skyIndex * 4;
        assertArrayEquals(new float[] {0.125f, 0.15f, -0.175f, 0.2f},
                Arrays.copyOfRange(d, skyValues, skyValues + 4), 1e-6f);
        float rest = 0;
        for (int i = named + 4; i < d.length; i++) {
            rest += Math.abs(d[i]);
        }
        assertEquals(0.125 + 0.15 + 0.175 + 0.2, rest, 1e-5);
    }

    @Test
    void landscapesMarkedOnRealPhotosMatchEachOtherAndNotThePortrait() {
        Scene hills = DESCRIBER.describe(Landscapes.analyze(engine, "aitzgorri.jpg"));
        Scene mountains = DESCRIBER.describe(Landscapes.analyze(engine, Landscapes.SIXTH));
        Scene astronaut = DESCRIBER.describe(Landscapes.analyze(engine, Landscapes.PORTRAIT));

        assertTrue(similarity(hills, mountains) >= SceneMemory.MIN_SIMILARITY);
        assertTrue(similarity(hills, astronaut) < SceneMemory.MIN_SIMILARITY);
        assertEquals(Set.of("portrait"), astronaut.tags());
    }

    private static double similarity(Scene a, Scene b) {
        return SceneMemory.similarity(a.tags(), a.descriptor(), b.tags(), b.descriptor());
    }
}
