package dev.pertouch.inference.regions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SoftMasksTest {

    @Test
    void unionAndDifferenceKeepPartialMembership() {
        float[] a = {1f, 0.5f, 0f, 0f};
        float[] b = {0f, 0.5f, 1f, 0f};
        assertArrayEquals(new float[] {1f, 0.5f, 1f, 0f}, SoftMasks.union(a, b));
        assertArrayEquals(new float[] {1f, 0.25f, 0f, 0f}, SoftMasks.minus(a, b));
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1f}, SoftMasks.complement(a));
    }

    @Test
    void areaIsTheMeanCoverage() {
        assertEquals(0.375, SoftMasks.area(new float[] {1f, 0.5f, 0f, 0f}), 1e-9);
    }

    @Test
    void iouCountsPixelsAtHalfOrMore() {
        assertEquals(1.0 / 3, SoftMasks.iou(new float[] {1f, 0.5f, 0f}, new float[] {0.6f, 0f, 0.9f}), 1e-9);
        assertEquals(1.0, SoftMasks.iou(new float[3], new float[3]));
    }

    @Test
    void masksOfDifferentSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SoftMasks.union(new float[2], new float[3]));
    }
}
