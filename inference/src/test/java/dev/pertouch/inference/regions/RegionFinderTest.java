package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionFinderTest {
    private static RegionFinder finder;

    @BeforeAll
    static void load() {
        finder = RegionFinder.create();
    }

    @AfterAll
    static void close() {
        finder.close();
    }

    @Test
    void aSinglePixelHasOnlyTheWholePhoto() {
        List<FoundRegion> regions = finder.find(Pictures.uniform(1, 1, 0xFF0000));
        assertEquals(List.of("global"), ids(regions));
        assertNull(regions.get(0).mask());
        assertEquals(1.0, regions.get(0).area());
    }

    @Test
    void aVeryLongThinPhotoHasOnlyTheWholePhoto() {
        // a 20000x1 photo is 512x1 at the working size
        assertEquals(List.of("global"), ids(finder.find(Pictures.disc(512, 1, 100, 0, 30))));
    }

    @Test
    void aUniformGreyPhotoHasOnlyTheWholePhoto() {
        assertEquals(List.of("global"), ids(finder.find(Pictures.uniform(512, 384, 0x7F7F7F))));
    }

    @Test
    void aPhotoWithNoSubjectGetsNoSubjectPersonOrBackground() {
        int w = 512;
        int h = 384;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 90 + (x + y) * 60 / (w + h);
                px[y * w + x] = (v << 16) | (v << 8) | v;
            }
        }
        List<String> ids = ids(finder.find(new RgbImage(w, h, px)));
        assertTrue(!ids.contains("subject") && !ids.contains("person") && !ids.contains("background"), ids::toString);
    }

    @Test
    void theBlueBackdropOfAStudioPortraitIsNotSky() {
        FoundRegions found = finder.scan(LabelledSet.photo("hopper"));
        assertTrue(found.region("person").isPresent());
        assertTrue(found.region("sky").isEmpty());
    }

    @Test
    void everyoneStandingInAWideGroupPhotoIsAPerson() {
        RgbImage group = LabelledSet.photo("lakeside");
        FoundRegion person = finder.scan(group).region("person").orElseThrow();
        float[] reference = LabelledSet.mask("lakeside", "person");
        assertTrue(SoftMasks.iou(person.mask(), reference) > 0.75);
    }

    @Test
    void aPortraitHasPersonSubjectAndBackgroundThatComplementEachOther() {
        FoundRegions found = finder.scan(LabelledSet.photo("astronaut"));
        assertEquals("global", found.regions().get(0).id());
        FoundRegion person = found.region("person").orElseThrow();
        FoundRegion subject = found.region("subject").orElseThrow();
        FoundRegion background = found.region("background").orElseThrow();
        assertTrue(found.region("sky").isEmpty());
        float[] foreground = SoftMasks.union(person.mask(), subject.mask());
        for (int i = 0; i < foreground.length; i++) {
            assertEquals(1f - foreground[i], background.mask()[i], 1e-6);
        }
    }

    @Test
    void everyMaskIsAtTheWorkingSizeWithinZeroAndOneAndItsAreaIsItsMean() {
        for (String photo : new String[] {"astronaut", "aitzgorri", "bridge"}) {
            RgbImage image = LabelledSet.photo(photo);
            for (FoundRegion r : finder.find(image)) {
                if (r.mask() == null) {
                    continue;
                }
                assertEquals(image.width() * image.height(), r.mask().length);
                for (float v : r.mask()) {
                    assertTrue(v >= 0f && v <= 1f, r.id() + " has value " + v);
                }
                assertEquals(SoftMasks.area(r.mask()), r.area(), 1e-9);
                assertTrue(r.area() > 0, r.id() + " is empty");
            }
        }
    }

    @Test
    void aLandscapeHasSkyAndVegetationButNoPerson() {
        List<String> ids = ids(finder.find(LabelledSet.photo("aitzgorri")));
        assertTrue(ids.contains("sky") && ids.contains("vegetation") && !ids.contains("person"), ids::toString);
    }

    private static List<String> ids(List<FoundRegion> regions) {
        return regions.stream().map(FoundRegion::id).toList();
    }
}
