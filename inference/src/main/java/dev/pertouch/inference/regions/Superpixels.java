package dev.pertouch.inference.regions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * SLIC superpixels (Achanta et al.): k-means in (L, a, b, x, y) restricted to a 2S x 2S window per centre, then
 * connectivity enforced so every superpixel is one 4-connected piece. They are the atoms that segments, the
 * surface rules and click-picking are built from, so everything above works on a few hundred nodes, not pixels.
 */
final class Superpixels {
    private static final int TARGET_COUNT = 600;
    private static final int ITERATIONS = 5;
    /** Weight of spatial distance against Lab distance; 10 is SLIC's usual choice for Lab in [0, 100]. */
    private static final float COMPACTNESS = 10f;

    final LabImage lab;
    /** Superpixel index of each pixel. */
    final int[] labels;
    final int count;
    final int[] pixels;
    final double[] sumL;
    final double[] sumA;
    final double[] sumB;
    final double[] sumX;
    final double[] sumY;
    final double[] sumGradient;
    final int[] minX;
    final int[] minY;
    final int[] maxX;
    final int[] maxY;
    /** Neighbouring superpixels with the length of their shared border and the summed colour step across it. */
    final Map<Long, Border> borders;
    private final int[][] adjacency;

    /** A border between two superpixels, accumulated pixel pair by pixel pair. */
    static final class Border {
        int length;
        double step;

        void add(Border other) {
            length += other.length;
            step += other.step;
        }

        double meanStep() {
            return length == 0 ? 0 : step / length;
        }
    }

    private Superpixels(LabImage lab, int[] labels, int count) {
        this.lab = lab;
        this.labels = labels;
        this.count = count;
        pixels = new int[count];
        sumL = new double[count];
        sumA = new double[count];
        sumB = new double[count];
        sumX = new double[count];
        sumY = new double[count];
        sumGradient = new double[count];
        minX = new int[count];
        minY = new int[count];
        maxX = new int[count];
        maxY = new int[count];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        borders = new HashMap<>();
        int w = lab.width;
        for (int y = 0; y < lab.height; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int s = labels[i];
                pixels[s]++;
                sumL[s] += lab.l[i];
                sumA[s] += lab.a[i];
                sumB[s] += lab.b[i];
                sumX[s] += x;
                sumY[s] += y;
                sumGradient[s] += lab.gradient[i];
                minX[s] = Math.min(minX[s], x);
                minY[s] = Math.min(minY[s], y);
                maxX[s] = Math.max(maxX[s], x);
                maxY[s] = Math.max(maxY[s], y);
                if (x + 1 < w && labels[i + 1] != s) {
                    border(s, labels[i + 1], lab.distance(i, i + 1));
                }
                if (y + 1 < lab.height && labels[i + w] != s) {
                    border(s, labels[i + w], lab.distance(i, i + w));
                }
            }
        }
        int[] degree = new int[count];
        for (long key : borders.keySet()) {
            degree[first(key)]++;
            degree[second(key)]++;
        }
        adjacency = new int[count][];
        for (int s = 0; s < count; s++) {
            adjacency[s] = new int[degree[s]];
        }
        int[] filled = new int[count];
        for (long key : borders.keySet()) {
            int s = first(key);
            int t = second(key);
            adjacency[s][filled[s]++] = t;
            adjacency[t][filled[t]++] = s;
        }
    }

    private void border(int s, int t, float step) {
        Border b = borders.computeIfAbsent(key(s, t), k -> new Border());
        b.length++;
        b.step += step;
    }

    static long key(int s, int t) {
        int lo = Math.min(s, t);
        int hi = Math.max(s, t);
        return ((long) lo << 32) | hi;
    }

    static int first(long key) {
        return (int) (key >>> 32);
    }

    static int second(long key) {
        return (int) key;
    }

    double meanL(int s) {
        return sumL[s] / pixels[s];
    }

    double meanA(int s) {
        return sumA[s] / pixels[s];
    }

    double meanB(int s) {
        return sumB[s] / pixels[s];
    }

    double colourDistance(int s, int t) {
        double dl = meanL(s) - meanL(t);
        double da = meanA(s) - meanA(t);
        double db = meanB(s) - meanB(t);
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    static Superpixels of(LabImage lab) {
        int w = lab.width;
        int h = lab.height;
        int n = w * h;
        int step = Math.max(2, (int) Math.round(Math.sqrt((double) n / TARGET_COUNT)));
        int gridX = Math.max(1, (w + step / 2) / step);
        int gridY = Math.max(1, (h + step / 2) / step);
        int k = gridX * gridY;
        float[] cl = new float[k];
        float[] ca = new float[k];
        float[] cb = new float[k];
        float[] cx = new float[k];
        float[] cy = new float[k];
        for (int gy = 0; gy < gridY; gy++) {
            for (int gx = 0; gx < gridX; gx++) {
                int c = gy * gridX + gx;
                int x = Math.min(w - 1, (int) ((gx + 0.5) * w / gridX));
                int y = Math.min(h - 1, (int) ((gy + 0.5) * h / gridY));
                int best = lowestGradientNear(lab, x, y);
                cl[c] = lab.l[best];
                ca[c] = lab.a[best];
                cb[c] = lab.b[best];
                cx[c] = best % w;
                cy[c] = best / w;
            }
        }
        int[] labels = new int[n];
        float[] distance = new float[n];
        float spatial = (COMPACTNESS / step) * (COMPACTNESS / step);
        double[] acc = new double[k * 6];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            Arrays.fill(distance, Float.MAX_VALUE);
            for (int c = 0; c < k; c++) {
                int x0 = Math.max(0, (int) cx[c] - step);
                int x1 = Math.min(w - 1, (int) cx[c] + step);
                int y0 = Math.max(0, (int) cy[c] - step);
                int y1 = Math.min(h - 1, (int) cy[c] + step);
                for (int y = y0; y <= y1; y++) {
                    float dy = y - cy[c];
                    for (int x = x0; x <= x1; x++) {
                        int i = y * w + x;
                        float dl = lab.l[i] - cl[c];
                        float da = lab.a[i] - ca[c];
                        float db = lab.b[i] - cb[c];
                        float dx = x - cx[c];
                        float d = dl * dl + da * da + db * db + spatial * (dx * dx + dy * dy);
                        if (d < distance[i]) {
                            distance[i] = d;
                            labels[i] = c;
                        }
                    }
                }
            }
            Arrays.fill(acc, 0);
            for (int i = 0; i < n; i++) {
                int o = labels[i] * 6;
                acc[o] += lab.l[i];
                acc[o + 1] += lab.a[i];
                acc[o + 2] += lab.b[i];
                acc[o + 3] += i % w;
                acc[o + 4] += i / w;
                acc[o + 5]++;
            }
            for (int c = 0; c < k; c++) {
                double m = acc[c * 6 + 5];
                if (m > 0) {
                    cl[c] = (float) (acc[c * 6] / m);
                    ca[c] = (float) (acc[c * 6 + 1] / m);
                    cb[c] = (float) (acc[c * 6 + 2] / m);
                    cx[c] = (float) (acc[c * 6 + 3] / m);
                    cy[c] = (float) (acc[c * 6 + 4] / m);
                }
            }
        }
        return connected(lab, labels, Math.max(1, step * step / 4));
    }

    private static int lowestGradientNear(LabImage lab, int x, int y) {
        int best = y * lab.width + x;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < lab.width && yy < lab.height
                        && lab.gradient[yy * lab.width + xx] < lab.gradient[best]) {
                    best = yy * lab.width + xx;
                }
            }
        }
        return best;
    }

    /** Relabels 4-connected pieces; pieces under minPixels join the piece met just before them in scan order. */
    private static Superpixels connected(LabImage lab, int[] raw, int minPixels) {
        int w = lab.width;
        int h = lab.height;
        int n = w * h;
        int[] out = new int[n];
        Arrays.fill(out, -1);
        int[] queue = new int[n];
        int next = 0;
        for (int start = 0; start < n; start++) {
            if (out[start] >= 0) {
                continue;
            }
            int adjacent = -1;
            int sx = start % w;
            int sy = start / w;
            if (sx > 0) {
                adjacent = out[start - 1];
            } else if (sy > 0) {
                adjacent = out[start - w];
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            out[start] = next;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                tail = visit(raw, out, queue, tail, i, x > 0 ? i - 1 : -1, next);
                tail = visit(raw, out, queue, tail, i, x + 1 < w ? i + 1 : -1, next);
                tail = visit(raw, out, queue, tail, i, y > 0 ? i - w : -1, next);
                tail = visit(raw, out, queue, tail, i, y + 1 < h ? i + w : -1, next);
            }
            if (tail < minPixels && adjacent >= 0) {
                for (int q = 0; q < tail; q++) {
                    out[queue[q]] = adjacent;
                }
            } else {
                next++;
            }
        }
        return new Superpixels(lab, out, next);
    }

    private static int visit(int[] raw, int[] out, int[] queue, int tail, int from, int to, int label) {
        if (to >= 0 && out[to] < 0 && raw[to] == raw[from]) {
            out[to] = label;
            queue[tail++] = to;
        }
        return tail;
    }

    /** Superpixels adjacent to s. */
    int[] neighbours(int s) {
        return adjacency[s];
    }
}
