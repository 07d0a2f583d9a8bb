package dev.pertouch.inference.render;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuidedFilterTest {
    private static final int W = 64;
    private static final int H = 32;

    /** Dark left of column 40, bright right of it. */
    private static float[] stepGuide() {
        float[] g = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                g[y * W + x] = x < 40 ? 0.2f : 0.8f;
            }
        }
        return g;
    }

    /** The filter's output: its coefficients applied to the guide. */
    private static float[] filtered(float[] guide, float[] input) {
        float[][] ab = new GuidedFilter(guide, W, H, 6, 1e-3).coefficients(input);
        float[] out = new float[input.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ab[0][i] * guide[i] + ab[1][i];
        }
        return out;
    }

    @Test
    void constantInputStaysConstant() {
        float[] in = new float[W * H];
        Arrays.fill(in, 0.7f);
        float[] out = filtered(stepGuide(), in);
        for (float v : out) {
            assertEquals(0.7f, v, 1e-5f);
        }
    }

    @Test
    void maskDoesNotBleedAcrossAnEdgeOfThePhoto() {
        float[] mask = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < 40; x++) {
                mask[y * W + x] = 1f;
            }
        }
        float[] out = filtered(stepGuide(), mask);
        int row = 16 * W;
        assertTrue(out[row + 38] > 0.95f, "left of the photo's edge the mask stays full: " + out[row + 38]);
        assertTrue(out[row + 41] < 0.05f, "right of it empty: " + out[row + 41]);
        float[] flat = new float[W * H];
        Arrays.fill(flat, 0.5f);
        float[] blurred = filtered(flat, mask);
        assertTrue(blurred[row + 41] > 0.2f, "without the photo's edge it would: " + blurred[row + 41]);
    }

    @Test
    void withoutAnEdgeInTheGuideTheMaskIsFeathered() {
        float[] flat = new float[W * H];
        Arrays.fill(flat, 0.5f);
        float[] mask = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < 32; x++) {
                mask[y * W + x] = 1f;
            }
        }
        float[] out = filtered(flat, mask);
        int row = 16 * W;
        for (int x = 27; x < 37; x++) {
            assertTrue(out[row + x] > out[row + x + 1], "falls smoothly across the edge at " + x);
        }
        assertEquals(1f, out[row + 10], 1e-5f);
        assertEquals(0f, out[row + 50], 1e-5f);
    }
}
