package dev.pertouch.inference.regions;

/**
 * Operations on soft masks (values in [0, 1], row-major). Union and difference follow fuzzy-set rules (max, and
 * a * (1 - b)), so a pixel half in one region stays half in the result instead of snapping to 0 or 1.
 */
public final class SoftMasks {
    private SoftMasks() {
    }

    /** Pixels in either mask. */
    public static float[] union(float[] a, float[] b) {
        sameSize(a, b);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.max(a[i], b[i]);
        }
        return out;
    }

    /** Pixels in {@code a} and not in {@code b}. */
    public static float[] minus(float[] a, float[] b) {
        sameSize(a, b);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * (1f - b[i]);
        }
        return out;
    }

    /** Everything outside the mask. */
    public static float[] complement(float[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = 1f - a[i];
        }
        return out;
    }

    /** The share of the image the mask covers. */
    public static double area(float[] mask) {
        if (mask.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float v : mask) {
            sum += v;
        }
        return sum / mask.length;
    }

    /**
     * Intersection over union of the two masks taken at 0.5: the score the labelled set is judged by. Two empty
     * masks agree perfectly.
     */
    public static double iou(float[] a, float[] b) {
        sameSize(a, b);
        long both = 0;
        long either = 0;
        for (int i = 0; i < a.length; i++) {
            boolean inA = a[i] >= 0.5f;
            boolean inB = b[i] >= 0.5f;
            if (inA && inB) {
                both++;
            }
            if (inA || inB) {
                either++;
            }
        }
        return either == 0 ? 1.0 : (double) both / either;
    }

    /** Grows a mask by a square of the given radius (a max filter). */
    static float[] dilate(float[] mask, int w, int h, int radius) {
        float[] rows = new float[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = 0;
                for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                    m = Math.max(m, mask[y * w + xx]);
                }
                rows[y * w + x] = m;
            }
        }
        float[] out = new float[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = 0;
                for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) {
                    m = Math.max(m, rows[yy * w + x]);
                }
                out[y * w + x] = m;
            }
        }
        return out;
    }

    /**
     * Softens a hard mask with a box blur of the given radius, so masks assembled from superpixels do not cut a
     * hard line through the render.
     */
    static float[] feather(float[] mask, int w, int h, int radius) {
        float[] rows = new float[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(w - 1, x + radius);
                for (int xx = x0; xx <= x1; xx++) {
                    sum += mask[y * w + xx];
                }
                rows[y * w + x] = sum / (x1 - x0 + 1);
            }
        }
        float[] out = new float[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int y0 = Math.max(0, y - radius);
                int y1 = Math.min(h - 1, y + radius);
                for (int yy = y0; yy <= y1; yy++) {
                    sum += rows[yy * w + x];
                }
                out[y * w + x] = sum / (y1 - y0 + 1);
            }
        }
        return out;
    }

    private static void sameSize(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("masks differ in size: " + a.length + " and " + b.length);
        }
    }
}
