package dev.pertouch.inference.image;

/**
 * A photo as the attribute formulas see it: float planes with values 0..255, row-major. {@link #of(RgbImage)} brings
 * a photo to the working size, a long side of {@value #LONG_SIDE} with the aspect kept.
 */
public record WorkingImage(int width, int height, float[] red, float[] green, float[] blue) {
    public static final int LONG_SIDE = 512;

    public WorkingImage {
        int n = width * height;
        if (width <= 0 || height <= 0 || red.length != n || green.length != n || blue.length != n) {
            throw new IllegalArgumentException("planes do not match " + width + "x" + height);
        }
    }

    /**
     * The working size for a photo of {@code width x height}. Smaller photos are enlarged too: the contrast formula
     * sums neighbour differences, so its value depends on scale, and measuring every photo at the same size keeps the
     * numbers comparable with the calibration table.
     */
    public static Size sizeFor(int width, int height) {
        if (width >= height) {
            return new Size(LONG_SIDE, scaled(height, width));
        }
        return new Size(scaled(width, height), LONG_SIDE);
    }

    private static int scaled(int shortSide, int longSide) {
        return Math.max(1, (int) Math.round((double) shortSide * LONG_SIDE / longSide));
    }

    /** The photo at its working size (area averaging when shrinking, linear interpolation when enlarging). */
    public static WorkingImage of(RgbImage photo) {
        Size size = sizeFor(photo.width(), photo.height());
        float[][] p = Resampler.planes(photo, size.width(), size.height());
        return new WorkingImage(size.width(), size.height(), p[0], p[1], p[2]);
    }

    /** The photo's pixels as planes, without resizing. */
    public static WorkingImage exact(RgbImage photo) {
        int n = (int) photo.pixelCount();
        float[] r = new float[n];
        float[] g = new float[n];
        float[] b = new float[n];
        int[] px = photo.pixels();
        for (int i = 0; i < n; i++) {
            int p = px[i];
            r[i] = (p >> 16) & 0xFF;
            g[i] = (p >> 8) & 0xFF;
            b[i] = p & 0xFF;
        }
        return new WorkingImage(photo.width(), photo.height(), r, g, b);
    }

    public int pixelCount() {
        return width * height;
    }

    /** The working image rounded to 8-bit pixels, for the code that works on packed pixels (region finding). */
    public RgbImage rounded() {
        return Resampler.pack(width, height, red, green, blue);
    }

    /** A width and height in pixels. */
    public record Size(int width, int height) {
    }
}
