package dev.pertouch.inference.render;

import java.util.List;

/**
 * PerTouch's parameter map on the working grid: an ordered list of region layers, the first being the whole image.
 * Blending a value per layer in order, {@code map = map (1 - mask) + value mask}, gives every layer a weight per
 * pixel, the share of the map it holds there (the weights sum to 1). Those weights are also feathered with a guided
 * filter against the photo's luma, so that a region's edge in the rendered photo follows the photo's own edges instead
 * of the mask's outline. Immutable once built.
 */
public final class ParameterMap {
    public static final int CHANNELS = 4;
    /** Feathering window radius on the working grid (long side 512): about 1.5% of the long side. */
    static final int FEATHER_RADIUS = 8;
    /** Feathering edge threshold, in squared luma units: luma steps above ~0.05 hold the edge. */
    static final double FEATHER_EPS = 2e-3;

    private final int width;
    private final int height;
    private final List<String> layers;
    private final float[][] weights;
    private final float[][] featherA;
    private final float[][] featherB;
    private final float[] guide;

    /**
     * @param layers region ids in map order
     * @param masks  one soft mask per layer at {@code width x height}; {@code null} for the whole image
     * @param guide  the photo's luma in [0, 1] on the same grid
     */
    public ParameterMap(int width, int height, List<String> layers, List<float[]> masks, float[] guide) {
        if (layers.size() != masks.size() || layers.isEmpty()) {
            throw new IllegalArgumentException("one mask per layer, at least one layer");
        }
        this.width = width;
        this.height = height;
        this.layers = List.copyOf(layers);
        this.guide = guide;
        int n = width * height;
        int count = layers.size();
        weights = new float[count][];
        float[] remaining = new float[n];
        java.util.Arrays.fill(remaining, 1f);
        for (int q = count - 1; q >= 0; q--) {
            float[] mask = masks.get(q);
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                float m = mask == null ? 1f : Math.max(0f, Math.min(1f, mask[i]));
                w[i] = m * remaining[i];
                remaining[i] *= 1 - m;
            }
            weights[q] = w;
        }
        GuidedFilter filter = new GuidedFilter(guide, width, height, FEATHER_RADIUS, FEATHER_EPS);
        featherA = new float[count][];
        featherB = new float[count][];
        for (int q = 0; q < count; q++) {
            float[][] ab = filter.coefficients(weights[q]);
            featherA[q] = ab[0];
            featherB[q] = ab[1];
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public List<String> layers() {
        return layers;
    }

    /** The share of the map layer {@code q} holds at each pixel, before feathering. */
    public float[] weight(int q) {
        return weights[q];
    }

    /** Layer q's feathered share is {@code featherA(q) * guide + featherB(q)}. */
    float[] featherA(int q) {
        return featherA[q];
    }

    float[] featherB(int q) {
        return featherB[q];
    }

    /** The feathered share of layer {@code q} at pixel {@code i}. */
    float featheredWeight(int q, int i) {
        return featherA[q][i] * guide[i] + featherB[q][i];
    }

    /** The map itself, {@link #CHANNELS} x H x W: {@code values[q]} blended by the layers' weights, unfeathered. */
    public float[][] blend(double[][] values) {
        float[][] out = new float[CHANNELS][width * height];
        for (int q = 0; q < layers.size(); q++) {
            float[] w = weights[q];
            for (int c = 0; c < CHANNELS; c++) {
                float v = (float) values[q][c];
                if (v == 0f) {
                    continue;
                }
                float[] o = out[c];
                for (int i = 0; i < o.length; i++) {
                    o[i] += w[i] * v;
                }
            }
        }
        return out;
    }

    /**
     * The feathered map as guided-filter coefficients per channel, {a, b} with the channel's value
     * {@code a * guide + b}: channel c's pair is at {@code [2c]} and {@code [2c + 1]}. A channel whose values are
     * all zero gets {@code null}s, so the render can leave its operator out.
     */
    float[][] featheredCoefficients(double[][] values) {
        float[][] out = new float[2 * CHANNELS][];
        int n = width * height;
        for (int c = 0; c < CHANNELS; c++) {
            float[] a = null;
            float[] b = null;
            for (int q = 0; q < layers.size(); q++) {
                float v = (float) values[q][c];
                if (v == 0f) {
                    continue;
                }
                if (a == null) {
                    a = new float[n];
                    b = new float[n];
                }
                float[] fa = featherA[q];
                float[] fb = featherB[q];
                for (int i = 0; i < n; i++) {
                    a[i] += v * fa[i];
                    b[i] += v * fb[i];
                }
            }
            out[2 * c] = a;
            out[2 * c + 1] = b;
        }
        return out;
    }
}
