package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;

/**
 * A working image in CIE L*a*b* (D65) with a gradient-magnitude plane. Segmentation and the surface rules
 * compare colours here because Lab distances roughly follow perceived differences, which RGB distances do not.
 */
final class LabImage {
    private static final float[] LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    final int width;
    final int height;
    final float[] l;
    final float[] a;
    final float[] b;
    /** Sobel magnitude of a lightly smoothed L plane: texture and edge strength, in L units. */
    final float[] gradient;

    private LabImage(int width, int height, float[] l, float[] a, float[] b, float[] gradient) {
        this.width = width;
        this.height = height;
        this.l = l;
        this.a = a;
        this.b = b;
        this.gradient = gradient;
    }

    static LabImage of(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        int[] px = image.pixels();
        float[] lab = new float[3];
        for (int i = 0; i < n; i++) {
            toLab(px[i], lab);
            l[i] = lab[0];
            a[i] = lab[1];
            b[i] = lab[2];
        }
        return new LabImage(w, h, l, a, b, sobel(boxBlur3(l, w, h), w, h));
    }

    static void toLab(int rgb, float[] out) {
        float r = LINEAR[(rgb >> 16) & 0xFF];
        float g = LINEAR[(rgb >> 8) & 0xFF];
        float bl = LINEAR[rgb & 0xFF];
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * bl;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * bl) / 1.08883;
        double fx = labF(x);
        double fy = labF(y);
        double fz = labF(z);
        out[0] = (float) (116 * fy - 16);
        out[1] = (float) (500 * (fx - fy));
        out[2] = (float) (200 * (fy - fz));
    }

    private static double labF(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    float distance(int i, int j) {
        float dl = l[i] - l[j];
        float da = a[i] - a[j];
        float db = b[i] - b[j];
        return (float) Math.sqrt(dl * dl + da * da + db * db);
    }

    private static float[] boxBlur3(float[] src, int w, int h) {
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int count = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < w) {
                            sum += src[yy * w + xx];
                            count++;
                        }
                    }
                }
                out[y * w + x] = sum / count;
            }
        }
        return out;
    }

    private static float[] sobel(float[] src, int w, int h) {
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            int ym = Math.max(y - 1, 0) * w;
            int y0 = y * w;
            int yp = Math.min(y + 1, h - 1) * w;
            for (int x = 0; x < w; x++) {
                int xm = Math.max(x - 1, 0);
                int xp = Math.min(x + 1, w - 1);
                float gx = (src[ym + xp] + 2 * src[y0 + xp] + src[yp + xp])
                        - (src[ym + xm] + 2 * src[y0 + xm] + src[yp + xm]);
                float gy = (src[yp + xm] + 2 * src[yp + x] + src[yp + xp])
                        - (src[ym + xm] + 2 * src[ym + x] + src[ym + xp]);
                out[y0 + x] = (float) Math.sqrt(gx * gx + gy * gy) / 8;
            }
        }
        return out;
    }
}
