package dev.pertouch.inference.render;

/**
 * He et al.'s guided filter on one grid: a linear fit of the input to the guide in every window, averaged. The
 * output follows the guide's edges where the guide has them and is a box blur where it is flat. It is linear in the
 * input, which is why a parameter map can be filtered once for all its regions, and its coefficients are smooth, which
 * is why they can be computed on a small grid and applied at full resolution against the full-resolution guide
 * (He and Sun's fast guided filter).
 */
final class GuidedFilter {
    private final float[] guide;
    private final int width;
    private final int height;
    private final int radius;
    private final double eps;
    private final float[] meanGuide;
    private final float[] varianceGuide;

    /** @param guide values in [0, 1]; {@code eps} is in the guide's units squared */
    GuidedFilter(float[] guide, int width, int height, int radius, double eps) {
        this.guide = guide;
        this.width = width;
        this.height = height;
        this.radius = radius;
        this.eps = eps;
        this.meanGuide = boxMean(guide);
        float[] sq = new float[guide.length];
        for (int i = 0; i < sq.length; i++) {
            sq[i] = guide[i] * guide[i];
        }
        float[] meanSq = boxMean(sq);
        this.varianceGuide = new float[guide.length];
        for (int i = 0; i < sq.length; i++) {
            varianceGuide[i] = Math.max(0f, meanSq[i] - meanGuide[i] * meanGuide[i]);
        }
    }

    /** Coefficients {a, b} such that the filtered input is {@code a * guide + b} at every pixel. */
    float[][] coefficients(float[] input) {
        float[] meanInput = boxMean(input);
        float[] product = new float[input.length];
        for (int i = 0; i < product.length; i++) {
            product[i] = guide[i] * input[i];
        }
        float[] meanProduct = boxMean(product);
        float[] a = new float[input.length];
        float[] b = new float[input.length];
        for (int i = 0; i < a.length; i++) {
            float covariance = meanProduct[i] - meanGuide[i] * meanInput[i];
            a[i] = (float) (covariance / (varianceGuide[i] + eps));
            b[i] = meanInput[i] - a[i] * meanGuide[i];
        }
        return new float[][] {boxMean(a), boxMean(b)};
    }

    /** Mean over the (2r+1)^2 window, shrunk at the borders, by running sums along rows and then columns. */
    private float[] boxMean(float[] in) {
        int w = width;
        int h = height;
        float[] rows = new float[in.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double sum = 0;
            for (int x = 0; x <= Math.min(radius, w - 1); x++) {
                sum += in[row + x];
            }
            for (int x = 0; x < w; x++) {
                int lo = Math.max(0, x - radius);
                int hi = Math.min(w - 1, x + radius);
                rows[row + x] = (float) (sum / (hi - lo + 1));
                if (x + radius + 1 < w) {
                    sum += in[row + x + radius + 1];
                }
                if (x - radius >= 0) {
                    sum -= in[row + x - radius];
                }
            }
        }
        float[] out = new float[in.length];
        double[] sums = new double[w];
        for (int y = 0; y <= Math.min(radius, h - 1); y++) {
            for (int x = 0; x < w; x++) {
                sums[x] += rows[y * w + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int lo = Math.max(0, y - radius);
            int hi = Math.min(h - 1, y + radius);
            float count = hi - lo + 1;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (sums[x] / count);
            }
            if (y + radius + 1 < h) {
                int add = (y + radius + 1) * w;
                for (int x = 0; x < w; x++) {
                    sums[x] += rows[add + x];
                }
            }
            if (y - radius >= 0) {
                int sub = (y - radius) * w;
                for (int x = 0; x < w; x++) {
                    sums[x] -= rows[sub + x];
                }
            }
        }
        return out;
    }
}
