package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;

import java.util.Arrays;

/**
 * Resizing between the working image and the networks' square inputs. Shrinking averages every source pixel
 * a target pixel covers (so a 12-megapixel photo does not alias); growing interpolates bilinearly.
 */
final class Resampling {
    private Resampling() {
    }

    static RgbImage resize(RgbImage image, int width, int height) {
        if (image.width() == width && image.height() == height) {
            return image;
        }
        if (width * 2 <= image.width() && height * 2 <= image.height()) {
            return shrinkByBlocks(image, width, height);
        }
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int[] px = image.pixels();
            float[] plane = new float[px.length];
            for (int i = 0; i < px.length; i++) {
                plane[i] = (px[i] >> shift) & 0xFF;
            }
            planes[c] = resize(plane, image.width(), image.height(), width, height);
        }
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            int r = Math.round(Math.min(255f, Math.max(0f, planes[0][i])));
            int g = Math.round(Math.min(255f, Math.max(0f, planes[1][i])));
            int b = Math.round(Math.min(255f, Math.max(0f, planes[2][i])));
            out[i] = (r << 16) | (g << 8) | b;
        }
        return new RgbImage(width, height, out);
    }

    /**
     * Averages whole source blocks, in one pass over the packed pixels: for shrinking by two or more the
     * fractional edge weights of exact area averaging change nothing visible, and a 12-megapixel photo is read
     * once instead of being split into float planes.
     */
    private static RgbImage shrinkByBlocks(RgbImage image, int width, int height) {
        int sw = image.width();
        int sh = image.height();
        int[] src = image.pixels();
        int[] x0 = new int[width + 1];
        for (int j = 0; j <= width; j++) {
            x0[j] = (int) ((long) j * sw / width);
        }
        int[] out = new int[width * height];
        long[] r = new long[width];
        long[] g = new long[width];
        long[] b = new long[width];
        for (int j = 0; j < height; j++) {
            int yStart = (int) ((long) j * sh / height);
            int yEnd = (int) ((long) (j + 1) * sh / height);
            Arrays.fill(r, 0);
            Arrays.fill(g, 0);
            Arrays.fill(b, 0);
            for (int y = yStart; y < yEnd; y++) {
                int row = y * sw;
                for (int i = 0; i < width; i++) {
                    for (int x = x0[i]; x < x0[i + 1]; x++) {
                        int p = src[row + x];
                        r[i] += (p >> 16) & 0xFF;
                        g[i] += (p >> 8) & 0xFF;
                        b[i] += p & 0xFF;
                    }
                }
            }
            for (int i = 0; i < width; i++) {
                long count = (long) (yEnd - yStart) * (x0[i + 1] - x0[i]);
                long half = count / 2;
                out[j * width + i] = (int) (((r[i] + half) / count) << 16 | ((g[i] + half) / count) << 8
                        | ((b[i] + half) / count));
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Resizes one plane; each axis shrinks by area averaging or grows bilinearly, independently. */
    static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        if (sw == dw && sh == dh) {
            return src.clone();
        }
        float[] rows = new float[dw * sh];
        for (int y = 0; y < sh; y++) {
            resizeLine(src, y * sw, 1, sw, rows, y * dw, 1, dw);
        }
        float[] out = new float[dw * dh];
        for (int x = 0; x < dw; x++) {
            resizeLine(rows, x, dw, sh, out, x, dw, dh);
        }
        return out;
    }

    private static void resizeLine(float[] src, int srcOffset, int srcStride, int n,
                                   float[] dst, int dstOffset, int dstStride, int m) {
        if (m <= n) {
            double scale = (double) n / m;
            for (int j = 0; j < m; j++) {
                double start = j * scale;
                double end = start + scale;
                double sum = 0;
                for (int i = (int) start; i < Math.min(n, (int) Math.ceil(end)); i++) {
                    double overlap = Math.min(end, i + 1) - Math.max(start, i);
                    sum += overlap * src[srcOffset + i * srcStride];
                }
                dst[dstOffset + j * dstStride] = (float) (sum / scale);
            }
        } else {
            double scale = (double) n / m;
            for (int j = 0; j < m; j++) {
                double pos = Math.max(0, (j + 0.5) * scale - 0.5);
                int i0 = Math.min((int) pos, n - 1);
                int i1 = Math.min(i0 + 1, n - 1);
                double f = pos - i0;
                dst[dstOffset + j * dstStride] = (float) ((1 - f) * src[srcOffset + i0 * srcStride]
                        + f * src[srcOffset + i1 * srcStride]);
            }
        }
    }
}
