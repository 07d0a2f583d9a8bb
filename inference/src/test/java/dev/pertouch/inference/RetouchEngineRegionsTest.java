package dev.pertouch.inference;

import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;
import dev.pertouch.inference.regions.SoftMasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetouchEngineRegionsTest {
    private static RetouchEngine engine;
    private static RgbImage landscape;
    private static PhotoAnalysis landscapeAnalysis;

    @BeforeAll
    static void start() {
        engine = RetouchEngine.create(EngineConfig.defaults());
        landscape = Photos.load("aitzgorri.jpg");
        landscapeAnalysis = engine.analyze(landscape);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static List<String> ids(PhotoAnalysis analysis) {
        return analysis.regions().stream().map(Region::id).toList();
    }

    private static void assertSameValues(AttributeValues expected, AttributeValues got, String what) {
        for (Attribute a : Attribute.values()) {
            assertEquals(expected.get(a), got.get(a), 1e-9 * Math.max(1, Math.abs(expected.get(a))), what + " " + a);
        }
    }

    @Test
    void aLandscapeHasSkyAndVegetationButNoPerson() {
        List<String> ids = ids(landscapeAnalysis);
        assertEquals("global", ids.get(0));
        assertTrue(ids.contains("sky") && ids.contains("vegetation") && !ids.contains("person"), ids::toString);
    }

    @Test
    void thePortraitHasAPersonAndASubjectInFrontOfABackground() {
        List<String> ids = ids(engine.analyze(Photos.load("astronaut.jpg")));
        assertTrue(ids.containsAll(List.of("global", "person", "subject", "background")) && !ids.contains("sky"),
                ids::toString);
    }

    @Test
    void everyFoundRegionIsMeasuredAsTheMeterMeasuresItsMask() {
        WorkingImage work = WorkingImage.of(landscape);
        assertEquals(work.width(), landscapeAnalysis.workWidth());
        for (Region r : landscapeAnalysis.regions()) {
            AttributeValues raw = engine.meter().measure(work, r.mask());
            assertSameValues(raw, r.raw(), r.id());
            assertSameValues(engine.calibration().normalize(raw), r.normalized(), r.id());
            assertEquals(r.mask() == null ? 1.0 : SoftMasks.area(r.mask()), r.area(), 1e-9, r.id());
        }
    }

    @Test
    void degeneratePhotosGetOnlyTheWholePhotoAndRenderUnchanged() {
        int[] grey = new int[640 * 480];
        Arrays.fill(grey, 0x7F7F7F);
        int[] strip = new int[20000];
        for (int x = 0; x < strip.length; x++) {
            strip[x] = (x % 256) << 8 | 0x400000;
        }
        Map<String, RgbImage> photos = Map.of(
                "1x1", new RgbImage(1, 1, new int[] {0xC03020}),
                "20000x1", new RgbImage(20000, 1, strip),
                "uniform grey", new RgbImage(640, 480, grey));
        photos.forEach((name, photo) -> {
            PhotoAnalysis analysis = engine.analyze(photo);
            assertEquals(List.of("global"), ids(analysis), name);
            RgbImage rendered = engine.render(photo, analysis, EditState.empty(), 0).image();
            assertArrayEquals(photo.pixels(), rendered.pixels(), name);
        });
    }

    @Test
    void aPickedHalfIsMeasuredAsTheMeterMeasuresItAndKeepsTheOtherRegions() {
        float[] half = Photos.leftOf(landscape, 0.5);
        PhotoAnalysis next = engine.withRegion(landscapeAnalysis, "left", "left half", half);
        Region left = next.region("left").orElseThrow();
        AttributeValues raw = engine.meter().measure(WorkingImage.of(landscape), half);
        assertSameValues(raw, left.raw(), "left");
        assertSameValues(engine.calibration().normalize(raw), left.normalized(), "left");
        assertEquals(0.5, left.area(), 0.01);
        assertEquals("left half", left.label());
        assertEquals(landscapeAnalysis.regions(), next.regions().subList(0, landscapeAnalysis.regions().size()));
        assertEquals("left", ids(next).get(ids(next).size() - 1));
    }

    @Test
    void pickingAgainUnderTheSameIdReplacesTheRegionInPlace() {
        PhotoAnalysis once = engine.withRegion(landscapeAnalysis, "pick-1", "selection 1",
                Photos.leftOf(landscape, 0.5));
        PhotoAnalysis twice = engine.withRegion(once, "pick-1", "", Photos.leftOf(landscape, 0.25));
        assertEquals(ids(once), ids(twice));
        Region replaced = twice.region("pick-1").orElseThrow();
        assertEquals(0.25, replaced.area(), 0.01);
        assertEquals("pick 1", replaced.label());
        assertTrue(replaced.normalized().brightness() != once.region("pick-1").orElseThrow().normalized().brightness());
    }

    @Test
    void theWholePhotoAndBadNamesCannotBePicked() {
        float[] half = Photos.leftOf(landscape, 0.5);
        assertEquals("reserved_region", assertThrows(InvalidEditException.class,
                () -> engine.withRegion(landscapeAnalysis, "global", "all", half)).code());
        assertEquals("invalid_region_name", assertThrows(InvalidEditException.class,
                () -> engine.withRegion(landscapeAnalysis, "Sky!", "sky", half)).code());
    }

    @Test
    void aClickInTheSkySelectsSky() {
        float[] sky = landscapeAnalysis.region("sky").orElseThrow().mask();
        float[] clicked = engine.pick(landscapeAnalysis, "click", 0.5, 0.05, 0, 0).orElseThrow();
        assertEquals(sky.length, clicked.length);
        double inSky = 0;
        for (int i = 0; i < sky.length; i++) {
            inSky += clicked[i] * sky[i];
        }
        assertTrue(inSky / (SoftMasks.area(clicked) * sky.length) > 0.9, "a click in the sky selected more than sky");
        assertTrue(SoftMasks.area(clicked) > 0.1, "a click in the sky selected a sliver");
    }

    @Test
    void aBoxSelectsOnlyWithinTheBox() {
        float[] boxed = engine.pick(landscapeAnalysis, "box", 0.6, 0.5, 0.2, 0.9).orElseThrow();
        int w = landscapeAnalysis.workWidth();
        int h = landscapeAnalysis.workHeight();
        for (int i = 0; i < boxed.length; i++) {
            if (boxed[i] > 0) {
                int x = i % w;
                int y = i / w;
                assertTrue(x >= 0.2 * w - 1 && x <= 0.6 * w && y >= 0.5 * h - 1 && y <= 0.9 * h, x + "," + y);
            }
        }
        assertTrue(SoftMasks.area(boxed) > 0);
    }

    @Test
    void picksOnAnAnalysisOfGivenMasksMatchPicksOnAFoundOne() {
        PhotoAnalysis given = engine.analyze(landscape, Map.of("left", Photos.leftOf(landscape, 0.5)));
        assertArrayEquals(engine.pick(landscapeAnalysis, "click", 0.3, 0.7, 0, 0).orElseThrow(),
                engine.pick(given, "click", 0.3, 0.7, 0, 0).orElseThrow());
    }

    @Test
    void unknownPicksAndPointsThatAreNotNumbersAreRefused() {
        assertEquals("unknown_pick", assertThrows(InvalidEditException.class,
                () -> engine.pick(landscapeAnalysis, "lasso", 0, 0, 1, 1)).code());
        assertEquals("invalid_point", assertThrows(InvalidEditException.class,
                () -> engine.pick(landscapeAnalysis, "click", Double.NaN, 0.5, 0, 0)).code());
    }

    @Test
    void typedNamesResolveToTheAnalysisRegionsOrToNothing() {
        assertSame(landscapeAnalysis.region("sky").orElseThrow(), engine.resolve(landscapeAnalysis, "the sky")
                .orElseThrow());
        assertEquals("vegetation", engine.resolve(landscapeAnalysis, "trees").orElseThrow().id());
        assertTrue(engine.resolve(landscapeAnalysis, "the woman").isEmpty(), "the landscape has no person");
        assertTrue(engine.resolve(landscapeAnalysis, "the teapot lid").isEmpty());
        assertTrue(engine.resolve(landscapeAnalysis, "  ").isEmpty());
        PhotoAnalysis picked = engine.withRegion(landscapeAnalysis, "pick-1", "selection 1",
                Photos.leftOf(landscape, 0.5));
        assertEquals("pick-1", engine.resolve(picked, "pick 1").orElseThrow().id());
    }

    @Test
    void aSegmentResolvesMeasuredAndCanBeAdded() {
        Region segment = engine.resolve(landscapeAnalysis, "segment 1").orElseThrow();
        assertEquals("segment-1", segment.id());
        assertTrue(landscapeAnalysis.region("segment-1").isEmpty(), "resolving does not add the segment");
        assertSameValues(engine.meter().measure(WorkingImage.of(landscape), segment.mask()), segment.raw(), "segment");
        PhotoAnalysis added = engine.withRegion(landscapeAnalysis, segment.id(), segment.label(), segment.mask());
        assertSameValues(segment.normalized(), engine.resolve(added, "segment-1").orElseThrow().normalized(), "added");
        assertTrue(engine.resolve(landscapeAnalysis, "segment 99").isEmpty());
    }

    @Test
    void namesResolveInAnAnalysisPutTogetherFromKnownValues() {
        Region global = landscapeAnalysis.regions().get(0);
        Region sky = landscapeAnalysis.region("sky").orElseThrow();
        PhotoAnalysis known = new PhotoAnalysis(landscape.width(), landscape.height(), landscapeAnalysis.workWidth(),
                landscapeAnalysis.workHeight(), List.of(global, sky));
        assertSame(sky, engine.resolve(known, "clouds").orElseThrow());
        assertTrue(engine.resolve(known, "segment 1").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> engine.pick(known, "click", 0.5, 0.5, 0, 0));
    }

    @Test
    void theOverlayPaintsEachRegionInItsLegendColourOnBlack() {
        PhotoAnalysis analysis = engine.withRegion(landscapeAnalysis, "pick-1", "selection 1",
                Photos.disc(landscape, 0.8, 0.8, 0.05));
        RgbImage overlay = engine.overlay(analysis);
        int w = analysis.workWidth();
        assertEquals(w, overlay.width());
        assertEquals(analysis.workHeight(), overlay.height());
        Map<String, Integer> colours = RetouchEngine.overlayColours();
        assertTrue(colours.keySet().containsAll(List.of("subject", "person", "background", "sky", "vegetation",
                "water")));
        float[] sky = analysis.region("sky").orElseThrow().mask();
        float[] pick = analysis.region("pick-1").orElseThrow().mask();
        int skyPixel = -1;
        int bare = -1;
        for (int i = 0; i < sky.length; i++) {
            boolean inAny = false;
            boolean onlySky = sky[i] == 1f;
            for (Region r : analysis.regions()) {
                if (r.mask() != null && r.mask()[i] > 0) {
                    inAny = true;
                    onlySky &= r.id().equals("sky") || r.mask()[i] == 0;
                }
            }
            if (onlySky && skyPixel < 0) {
                skyPixel = i;
            }
            if (!inAny && bare < 0) {
                bare = i;
            }
        }
        assertEquals((int) colours.get("sky"), overlay.pixels()[skyPixel]);
        assertEquals(0, overlay.pixels()[bare]);
        int centre = (int) (0.8 * analysis.workHeight()) * w + (int) (0.8 * w);
        assertEquals(1f, pick[centre]);
        assertEquals(0xFFFFFF, overlay.pixels()[centre], "a picked region is white");
    }
}
