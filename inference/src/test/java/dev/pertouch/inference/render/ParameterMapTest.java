package dev.pertouch.inference.render;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterMapTest {
    private static final int W = 32;
    private static final int H = 16;

    private static float[] columns(int from, int to, float weight) {
        float[] m = new float[W * H];
        for (int y = 0; y < H; y++) {
            Arrays.fill(m, y * W + from, y * W + to, weight);
        }
        return m;
    }

    private static ParameterMap map(List<float[]> masks) {
        float[] guide = new float[W * H];
        Arrays.fill(guide, 0.5f);
        return new ParameterMap(W, H, List.of("global", "a", "b").subList(0, masks.size()), masks, guide);
    }

    @Test
    void laterRegionsPaintOverEarlierOnesAsPerTouchBlends() {
        ParameterMap map = map(Arrays.asList(null, columns(0, 20, 1f), columns(10, 32, 0.5f)));
        float[][] out = map.blend(new double[][] {{1, 0, 0, 0}, {3, 0, 0, 0}, {7, 0, 0, 0}});
        assertEquals(3f, out[0][5], 1e-6f);
        // Column 15: a's 3, then half of b's 7 over it.
        assertEquals(3 * 0.5f + 7 * 0.5f, out[0][15], 1e-6f);
        // Column 25: global's 1, then half of b's 7.
        assertEquals(1 * 0.5f + 7 * 0.5f, out[0][25], 1e-6f);
        assertEquals(0f, out[1][25], 0f);
    }

    @Test
    void layerWeightsAndFeatheredWeightsSumToOne() {
        ParameterMap map = map(Arrays.asList(null, columns(0, 20, 1f), columns(10, 32, 0.5f)));
        for (int i = 0; i < W * H; i++) {
            float sum = 0;
            float feathered = 0;
            for (int q = 0; q < 3; q++) {
                sum += map.weight(q)[i];
                feathered += map.featheredWeight(q, i);
            }
            assertEquals(1f, sum, 1e-6f);
            assertEquals(1f, feathered, 1e-4f);
        }
    }
}
