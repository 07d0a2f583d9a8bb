package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;

import java.util.Arrays;
import java.util.Random;

/** Small synthetic pictures whose parts are known exactly. */
final class Pictures {
    private Pictures() {
    }

    static RgbImage uniform(int w, int h, int rgb) {
        int[] px = new int[w * h];
        Arrays.fill(px, rgb);
        return new RgbImage(w, h, px);
    }

    /** A red disc of radius r centred at (cx, cy) on a slightly noisy grey ground. */
    static RgbImage disc(int w, int h, int cx, int cy, int r) {
        Random random = new Random(5);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx = x - cx;
                int dy = y - cy;
                if (dx * dx + dy * dy < r * r) {
                    px[y * w + x] = 0xD02818;
                } else {
                    int g = (int) Math.max(0, Math.min(255, 140 + random.nextGaussian() * 5));
                    px[y * w + x] = (g << 16) | (g << 8) | g;
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    static float[] discMask(int w, int h, int cx, int cy, int r) {
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx = x - cx;
                int dy = y - cy;
                m[y * w + x] = dx * dx + dy * dy < r * r ? 1f : 0f;
            }
        }
        return m;
    }
}
