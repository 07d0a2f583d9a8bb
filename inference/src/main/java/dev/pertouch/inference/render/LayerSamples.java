package dev.pertouch.inference.render;

import dev.pertouch.inference.AttributeMeter;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.image.WorkingImage;

import java.util.Arrays;

/**
 * The pixels of one layer that the solver renders again and again, chosen so that measuring them estimates the
 * layer's attributes without bias: anchors on a regular lattice over the layer's share of the working image (each
 * standing for stride x stride pixels), each anchor with its right and lower neighbour for the contrast term, and
 * every wrap-around pair (last column to first, last row to first) that the formula counts, since those few pairs
 * often join very different parts of the photo (sky and ground) and weigh much more than their number.
 */
final class LayerSamples {
    static final int MAX_ANCHORS = 800;

    /** Per entry: the pixel, its detail, its weight in the layer, every layer's feathered share. */
    final float[] red;
    final float[] green;
    final float[] blue;
    final float[] detail;
    final float[][] feathered;
    private final float[] weight;
    /** Entries measured as pixels, with the number of pixels each stands for. */
    private final int[] pixels;
    private final float pixelScale;
    /** Pairs of entries measured for contrast, with the number of pairs each stands for. */
    private final int[] pairFirst;
    private final int[] pairSecond;
    private final float[] pairScale;

    private LayerSamples(Builder b, int layers) {
        int n = b.entries;
        red = Arrays.copyOf(b.red, n);
        green = Arrays.copyOf(b.green, n);
        blue = Arrays.copyOf(b.blue, n);
        detail = Arrays.copyOf(b.detail, n);
        weight = Arrays.copyOf(b.weight, n);
        feathered = new float[layers][];
        for (int q = 0; q < layers; q++) {
            feathered[q] = Arrays.copyOf(b.feathered[q], n);
        }
        pixels = Arrays.copyOf(b.pixels, b.pixelCount);
        pixelScale = b.pixelScale;
        pairFirst = Arrays.copyOf(b.pairFirst, b.pairCount);
        pairSecond = Arrays.copyOf(b.pairSecond, b.pairCount);
        pairScale = Arrays.copyOf(b.pairScale, b.pairCount);
    }

    int entries() {
        return red.length;
    }

    static LayerSamples of(WorkingImage work, float[] workDetail, ParameterMap map, int layer) {
        float[] w = map.weight(layer);
        int width = work.width();
        int height = work.height();
        int covered = 0;
        for (float v : w) {
            if (v > 0f) {
                covered++;
            }
        }
        int stride = Math.max(1, (int) Math.ceil(Math.sqrt((double) covered / MAX_ANCHORS)));
        Builder b = new Builder(work, workDetail, map, w, stride * stride);
        for (int y = 0; y < height; y += stride) {
            for (int x = 0; x < width; x += stride) {
                int p = y * width + x;
                if (w[p] <= 0f) {
                    continue;
                }
                int e = b.pixel(p);
                if (x + 1 < width) {
                    b.pair(e, b.entry(p + 1), stride * stride);
                }
                if (y + 1 < height) {
                    b.pair(e, b.entry(p + width), stride * stride);
                }
            }
        }
        for (int y = 0; y < height; y++) {
            b.wrapPair(y * width + width - 1, y * width);
        }
        for (int x = 0; x < width; x++) {
            b.wrapPair((height - 1) * width + x, x);
        }
        return new LayerSamples(b, map.layers().size());
    }

    /**
     * Measures the samples after the operators: {@code settings} holds four values per entry (warmth, tone, detail,
     * saturation).
     */
    AttributeValues measure(float[] settings) {
        int n = entries();
        float[] out = new float[3 * n];
        float[] px = new float[3];
        for (int e = 0; e < n; e++) {
            int s = 4 * e;
            Operators.apply(red[e], green[e], blue[e], detail[e], settings[s], settings[s + 1], settings[s + 2],
                    settings[s + 3], px);
            out[3 * e] = px[0];
            out[3 * e + 1] = px[1];
            out[3 * e + 2] = px[2];
        }
        AttributeMeter.Tally tally = new AttributeMeter.Tally();
        for (int e : pixels) {
            tally.addPixel(out[3 * e], out[3 * e + 1], out[3 * e + 2], weight[e] * pixelScale);
        }
        for (int i = 0; i < pairFirst.length; i++) {
            int a = 3 * pairFirst[i];
            int b = 3 * pairSecond[i];
            tally.addPair(out[a] - out[b], out[a + 1] - out[b + 1], out[a + 2] - out[b + 2],
                    weight[pairFirst[i]] * weight[pairSecond[i]] * pairScale[i]);
        }
        return tally.values();
    }

    private static final class Builder {
        private final WorkingImage work;
        private final float[] workDetail;
        private final ParameterMap map;
        private final float[] layerWeight;
        private final float pixelScale;
        private int entries;
        private float[] red = new float[64];
        private float[] green = new float[64];
        private float[] blue = new float[64];
        private float[] detail = new float[64];
        private float[] weight = new float[64];
        private float[][] feathered;
        private int pixelCount;
        private int[] pixels = new int[64];
        private int pairCount;
        private int[] pairFirst = new int[64];
        private int[] pairSecond = new int[64];
        private float[] pairScale = new float[64];

        Builder(WorkingImage work, float[] workDetail, ParameterMap map, float[] layerWeight, float pixelScale) {
            this.work = work;
            this.workDetail = workDetail;
            this.map = map;
            this.layerWeight = layerWeight;
            this.pixelScale = pixelScale;
            feathered = new float[map.layers().size()][64];
        }

        /** Adds pixel p as an entry and returns the entry. */
        int entry(int p) {
            if (entries == red.length) {
                int size = 2 * entries;
                red = Arrays.copyOf(red, size);
                green = Arrays.copyOf(green, size);
                blue = Arrays.copyOf(blue, size);
                detail = Arrays.copyOf(detail, size);
                weight = Arrays.copyOf(weight, size);
                for (int q = 0; q < feathered.length; q++) {
                    feathered[q] = Arrays.copyOf(feathered[q], size);
                }
            }
            int e = entries++;
            red[e] = work.red()[p];
            green[e] = work.green()[p];
            blue[e] = work.blue()[p];
            detail[e] = workDetail[p];
            weight[e] = layerWeight[p];
            for (int q = 0; q < feathered.length; q++) {
                feathered[q][e] = map.featheredWeight(q, p);
            }
            return e;
        }

        /** Adds pixel p as an entry that is measured as a pixel. */
        int pixel(int p) {
            int e = entry(p);
            if (pixelCount == pixels.length) {
                pixels = Arrays.copyOf(pixels, 2 * pixelCount);
            }
            pixels[pixelCount++] = e;
            return e;
        }

        void pair(int a, int b, float scale) {
            if (weight[a] * weight[b] <= 0f) {
                return;
            }
            if (pairCount == pairFirst.length) {
                int size = 2 * pairCount;
                pairFirst = Arrays.copyOf(pairFirst, size);
                pairSecond = Arrays.copyOf(pairSecond, size);
                pairScale = Arrays.copyOf(pairScale, size);
            }
            pairFirst[pairCount] = a;
            pairSecond[pairCount] = b;
            pairScale[pairCount] = scale;
            pairCount++;
        }

        void wrapPair(int p, int q) {
            if (layerWeight[p] > 0f && layerWeight[q] > 0f) {
                pair(entry(p), entry(q), 1f);
            }
        }
    }
}
