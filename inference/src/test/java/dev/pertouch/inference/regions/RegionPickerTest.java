package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionPickerTest {
    private static final int W = 512;
    private static final int H = 384;

    private final RgbImage picture = Pictures.disc(W, H, 300, 180, 70);
    private final float[] disc = Pictures.discMask(W, H, 300, 180, 70);
    private final FoundRegions found = new FoundRegions(W, H, List.of(
            new FoundRegion("global", "whole photo", null, 1.0),
            new FoundRegion("subject", "main subject", disc, SoftMasks.area(disc)),
            new FoundRegion("background", "background", SoftMasks.complement(disc), 1 - SoftMasks.area(disc))),
            Segments.of(picture));
    private final RegionPicker picker = new RegionPicker(found);

    @Test
    void aClickOnAnObjectSelectsTheObject() {
        assertTrue(SoftMasks.iou(picker.grow(300, 180), disc) > 0.95);
    }

    @Test
    void aClickOnTheGroundSelectsTheGroundAndNotTheObject() {
        float[] ground = picker.grow(20, 20);
        assertTrue(SoftMasks.iou(ground, SoftMasks.complement(disc)) > 0.95);
    }

    @Test
    void aBoxAroundAnObjectSelectsTheObjectNotTheGroundInTheBox() {
        float[] boxed = picker.box(200, 90, 400, 270);
        assertTrue(SoftMasks.iou(boxed, disc) > 0.9, "IoU " + SoftMasks.iou(boxed, disc));
    }

    @Test
    void aBoxOverPlainGroundSelectsTheWholeBox() {
        float[] boxed = picker.box(10, 10, 110, 60);
        assertEquals(101 * 51, SoftMasks.area(boxed) * W * H, 1.0);
        assertEquals(0f, boxed[200 * W + 300]);
    }

    @Test
    void shiftClickAddsAndAltClickRemoves() {
        float[] both = SoftMasks.union(picker.grow(300, 180), picker.grow(20, 20));
        assertEquals(1.0, SoftMasks.area(both), 1e-6);
        float[] groundOnly = SoftMasks.minus(both, picker.grow(300, 180));
        assertEquals(0f, groundOnly[180 * W + 300]);
        assertEquals(1f, groundOnly[20 * W + 20]);
    }

    @Test
    void typedNamesResolveToFoundRegionsOrToNothing() {
        assertEquals("subject", picker.resolve("the dog").orElseThrow().id());
        assertEquals("subject", picker.resolve("Main subject").orElseThrow().id());
        assertEquals("background", picker.resolve("the background").orElseThrow().id());
        assertEquals("global", picker.resolve("the whole photo").orElseThrow().id());
        assertEquals("subject", picker.resolve("foreground").orElseThrow().id());
        assertEquals("segment-1", picker.resolve("segment 1").orElseThrow().id());
        assertTrue(picker.resolve("segment 99").isEmpty());
        assertTrue(picker.resolve("sky").isEmpty(), "the photo has no sky");
        assertTrue(picker.resolve("the woman").isEmpty(), "the photo has no person");
        assertTrue(picker.resolve("the teapot lid").isEmpty(), "an unknown name resolves to nothing");
    }

    @Test
    void clicksOutsideThePhotoAreClampedToItsEdge() {
        assertTrue(SoftMasks.iou(picker.grow(-5, 9999), picker.grow(0, H - 1)) > 0.999);
    }

    @Test
    void withoutSegmentsNamesStillResolveButClicksAndBoxesCannotPick() {
        RegionPicker namesOnly = new RegionPicker(new FoundRegions(W, H, found.regions(), null));
        assertEquals("subject", namesOnly.resolve("the cat").orElseThrow().id());
        assertTrue(namesOnly.resolve("segment 1").isEmpty());
        assertThrows(IllegalStateException.class, () -> namesOnly.grow(10, 10));
        assertThrows(IllegalStateException.class, () -> namesOnly.box(0, 0, 10, 10));
    }
}
