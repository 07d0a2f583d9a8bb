package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentsTest {

    @Test
    void aFlatImageIsOneSegment() {
        Segments segments = Segments.of(Pictures.uniform(512, 384, 0x808080));
        assertEquals(1, segments.count());
        assertEquals(1.0, segments.list().get(0).area(), 1e-9);
    }

    @Test
    void segmentBoundariesFollowTheEdgeOfAnObject() {
        RgbImage picture = Pictures.disc(512, 384, 250, 190, 90);
        Segments segments = Segments.of(picture);
        int disc = segments.at(250, 190);
        float[] mask = segments.mask(disc);
        assertTrue(SoftMasks.iou(mask, Pictures.discMask(512, 384, 250, 190, 90)) > 0.95,
                "the disc's segment should be the disc");
        assertTrue(segments.at(20, 20) != disc);
    }

    @Test
    void aRealPhotoIsMergedIntoFiveToThirtySegmentsWithNoCrumbs() {
        for (String photo : new String[] {"picos", "astronaut", "coffee", "dogs"}) {
            Segments segments = Segments.of(LabelledSet.photo(photo));
            assertTrue(segments.count() >= Segments.MIN_SEGMENTS && segments.count() <= Segments.MAX_SEGMENTS,
                    photo + " has " + segments.count() + " segments");
            for (Segment s : segments.list()) {
                assertTrue(s.area() >= Segments.MIN_AREA, photo + " keeps a crumb of " + s.area());
            }
            double total = segments.list().stream().mapToDouble(Segment::area).sum();
            assertEquals(1.0, total, 1e-9);
        }
    }

    @Test
    void segmentsAsRegionsAreNumberedLargestFirst() {
        var regions = Segments.of(LabelledSet.photo("bridge")).asRegions();
        assertEquals("segment-1", regions.get(0).id());
        for (int i = 1; i < regions.size(); i++) {
            assertTrue(regions.get(i - 1).area() >= regions.get(i).area());
        }
    }

    @Test
    void degenerateSizesStillSegment() {
        assertEquals(1, Segments.of(Pictures.uniform(1, 1, 0x102030)).count());
        Segments line = Segments.of(Pictures.disc(512, 1, 256, 0, 100));
        assertTrue(line.count() >= 1);
        assertTrue(line.at(256, 0) != line.at(0, 0), "the red run should not merge with the grey ends");
    }
}
