package dev.pertouch.inference.image;

/**
 * Changes an image's size one axis at a time. Shrinking averages each output pixel's exact footprint (area averaging,
 * fractional edges included), so fine detail is neither aliased nor smoothed more than the new size requires.
 * Enlarging interpolates linearly between pixel centres. Photos, masks and network outputs all go through here, so
 * every size change in the project resamples the same way.
 */
public final class Resampler {
    private Resampler() {
    }

    /** The image at {@code width x height} as three float planes (red, green, blue) with values 0..255. */
    public static float[][] planes(RgbImage image, int width, int height) {
        Axis ax = Axis.of(image.width(), width);
        Axis ay = Axis.of(image.height(), height);
        int sw = image.width();
        int sh = image.height();
        int[] px = image.pixels();
        float[][] rows = new float[3][sh * width];
        for (int y = 0; y < sh; y++) {
            int src = y * sw;
            int dst = y * width;
            for (int x = 0; x < width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int from = ax.offset[x];
                for (int k = from, end = ax.offset[x + 1]; k < end; k++) {
                    int p = px[src + ax.index[k]];
                    float w = ax.weight[k];
                    r += w * ((p >> 16) & 0xFF);
                    g += w * ((p >> 8) & 0xFF);
                    b += w * (p & 0xFF);
                }
                rows[0][dst + x] = r;
                rows[1][dst + x] = g;
                rows[2][dst + x] = b;
            }
        }
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = columns(rows[c], width, ay, height);
        }
        return out;
    }

    /**
     * A single plane (a mask, a network's probability map), row-major, from {@code width x height} to
     * {@code newWidth x newHeight}, the same way as the colour planes.
     */
    public static float[] resize(float[] plane, int width, int height, int newWidth, int newHeight) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException("plane has " + plane.length + " values, not " + width + "x" + height);
        }
        if (width == newWidth && height == newHeight) {
            return plane.clone();
        }
        Axis ax = Axis.of(width, newWidth);
        float[] rows = new float[height * newWidth];
        for (int y = 0; y < height; y++) {
            int src = y * width;
            int dst = y * newWidth;
            for (int x = 0; x < newWidth; x++) {
                float v = 0;
                for (int k = ax.offset[x], end = ax.offset[x + 1]; k < end; k++) {
                    v += ax.weight[k] * plane[src + ax.index[k]];
                }
                rows[dst + x] = v;
            }
        }
        return columns(rows, newWidth, Axis.of(height, newHeight), newHeight);
    }

    /** The second pass: rows already at the new width, resampled down the columns. */
    private static float[] columns(float[] rows, int width, Axis ay, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int dst = y * width;
            for (int k = ay.offset[y], end = ay.offset[y + 1]; k < end; k++) {
                int src = ay.index[k] * width;
                float w = ay.weight[k];
                for (int x = 0; x < width; x++) {
                    out[dst + x] += w * rows[src + x];
                }
            }
        }
        return out;
    }

    /** The image at {@code width x height} as three 8-bit planes (red, green, blue) one after the other. */
    public static byte[] planarBytes(RgbImage image, int width, int height) {
        float[][] p = planes(image, width, height);
        int n = width * height;
        byte[] out = new byte[3 * n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                out[c * n + i] = (byte) toByte(p[c][i]);
            }
        }
        return out;
    }

    /** The image at {@code width x height}, each channel rounded to 8 bits. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        if (width == image.width() && height == image.height()) {
            return image;
        }
        float[][] p = planes(image, width, height);
        return pack(width, height, p[0], p[1], p[2]);
    }

    /** Float planes (values 0..255) as an image, each channel rounded to 8 bits. */
    static RgbImage pack(int width, int height, float[] red, float[] green, float[] blue) {
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = (toByte(red[i]) << 16) | (toByte(green[i]) << 8) | toByte(blue[i]);
        }
        return new RgbImage(width, height, out);
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** For each output index, the source indices and weights that make it, stored as runs. */
    private static final class Axis {
        final int[] offset;
        final int[] index;
        final float[] weight;

        private Axis(int[] offset, int[] index, float[] weight) {
            this.offset = offset;
            this.index = index;
            this.weight = weight;
        }

        static Axis of(int from, int to) {
            if (to <= 0) {
                throw new IllegalArgumentException("target size must be positive: " + to);
            }
            return to < from ? shrinking(from, to) : enlarging(from, to);
        }

        private static Axis shrinking(int from, int to) {
            double scale = (double) from / to;
            int[] offset = new int[to + 1];
            int[] index = new int[from + to];
            float[] weight = new float[from + to];
            int n = 0;
            for (int i = 0; i < to; i++) {
                double lo = i * scale;
                double hi = (i + 1) * scale;
                offset[i] = n;
                for (int s = (int) Math.floor(lo); s < Math.min(from, (int) Math.ceil(hi)); s++) {
                    double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                    if (overlap > 1e-9) {
                        index[n] = s;
                        weight[n] = (float) (overlap / scale);
                        n++;
                    }
                }
            }
            offset[to] = n;
            return new Axis(offset, index, weight);
        }

        private static Axis enlarging(int from, int to) {
            double scale = (double) from / to;
            int[] offset = new int[to + 1];
            int[] index = new int[2 * to];
            float[] weight = new float[2 * to];
            for (int i = 0; i < to; i++) {
                double src = Math.max(0, Math.min(from - 1, (i + 0.5) * scale - 0.5));
                int s0 = (int) Math.floor(src);
                int s1 = Math.min(s0 + 1, from - 1);
                float f = (float) (src - s0);
                offset[i] = 2 * i;
                index[2 * i] = s0;
                weight[2 * i] = 1 - f;
                index[2 * i + 1] = s1;
                weight[2 * i + 1] = f;
            }
            offset[to] = 2 * to;
            return new Axis(offset, index, weight);
        }
    }
}
