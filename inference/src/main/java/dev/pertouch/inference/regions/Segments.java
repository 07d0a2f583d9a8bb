package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class-agnostic segments of a working image: our counterpart of SAM's "segment everything". SLIC superpixels
 * are merged greedily, cheapest border first, where the cost of a border is the colour difference of the two
 * sides' means plus the mean colour step across the border itself, so merges stop at image edges. Merging goes
 * on while there are more than {@value #MAX_SEGMENTS} segments, any segment is smaller than
 * {@value #MIN_AREA} of the image, or the cheapest border costs under {@value #MERGE_COST} and more than
 * {@value #MIN_SEGMENTS} segments are left; borders costing under {@value #SAME_COLOUR_COST} always merge, so a
 * flat image ends as one segment instead of arbitrary pieces.
 */
public final class Segments {
    static final int MAX_SEGMENTS = 30;
    static final int MIN_SEGMENTS = 5;
    static final double MIN_AREA = 0.005;
    static final double MERGE_COST = 14;
    static final double SAME_COLOUR_COST = 3;

    private final Superpixels superpixels;
    /** Segment index of each superpixel. */
    private final int[] segmentOf;
    private final List<Segment> segments;

    private Segments(Superpixels superpixels, int[] segmentOf, int count) {
        this.superpixels = superpixels;
        this.segmentOf = segmentOf;
        this.segments = describe(superpixels, segmentOf, count);
    }

    /** Segments the image; expects the working size (long side 512) but takes any size. */
    public static Segments of(RgbImage image) {
        return of(Superpixels.of(LabImage.of(image)));
    }

    static Segments of(Superpixels sp) {
        int n = sp.count;
        int[] parent = new int[n];
        double[] pixels = new double[n];
        double[] l = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        List<Map<Integer, Superpixels.Border>> adjacency = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            parent[s] = s;
            pixels[s] = sp.pixels[s];
            l[s] = sp.sumL[s];
            a[s] = sp.sumA[s];
            b[s] = sp.sumB[s];
            adjacency.add(new HashMap<>());
        }
        sp.borders.forEach((key, border) -> {
            Superpixels.Border copy = new Superpixels.Border();
            copy.add(border);
            adjacency.get(Superpixels.first(key)).put(Superpixels.second(key), copy);
            adjacency.get(Superpixels.second(key)).put(Superpixels.first(key), copy);
        });
        double total = sp.lab.width * (double) sp.lab.height;
        double minPixels = MIN_AREA * total;
        int alive = n;
        while (alive > 1) {
            int bestU = -1;
            int bestV = -1;
            double bestCost = Double.MAX_VALUE;
            int smallU = -1;
            int smallV = -1;
            double smallCost = Double.MAX_VALUE;
            for (int u = 0; u < n; u++) {
                if (parent[u] != u) {
                    continue;
                }
                for (Map.Entry<Integer, Superpixels.Border> e : adjacency.get(u).entrySet()) {
                    int v = e.getKey();
                    if (v < u) {
                        continue;
                    }
                    double dl = l[u] / pixels[u] - l[v] / pixels[v];
                    double da = a[u] / pixels[u] - a[v] / pixels[v];
                    double db = b[u] / pixels[u] - b[v] / pixels[v];
                    double cost = 0.5 * Math.sqrt(dl * dl + da * da + db * db) + 0.5 * e.getValue().meanStep();
                    if (cost < bestCost) {
                        bestCost = cost;
                        bestU = u;
                        bestV = v;
                    }
                    if ((pixels[u] < minPixels || pixels[v] < minPixels) && cost < smallCost) {
                        smallCost = cost;
                        smallU = u;
                        smallV = v;
                    }
                }
            }
            if (bestU < 0) {
                break;
            }
            boolean merge = alive > MAX_SEGMENTS || bestCost < SAME_COLOUR_COST
                    || (bestCost < MERGE_COST && alive > MIN_SEGMENTS);
            if (!merge && smallU >= 0) {
                bestU = smallU;
                bestV = smallV;
                merge = true;
            }
            if (!merge) {
                break;
            }
            int keep = pixels[bestU] >= pixels[bestV] ? bestU : bestV;
            int gone = keep == bestU ? bestV : bestU;
            parent[gone] = keep;
            pixels[keep] += pixels[gone];
            l[keep] += l[gone];
            a[keep] += a[gone];
            b[keep] += b[gone];
            Map<Integer, Superpixels.Border> keepEdges = adjacency.get(keep);
            keepEdges.remove(gone);
            for (Map.Entry<Integer, Superpixels.Border> e : adjacency.get(gone).entrySet()) {
                int w = e.getKey();
                if (w == keep) {
                    continue;
                }
                Map<Integer, Superpixels.Border> wEdges = adjacency.get(w);
                wEdges.remove(gone);
                Superpixels.Border existing = keepEdges.get(w);
                if (existing != null) {
                    existing.add(e.getValue());
                } else {
                    keepEdges.put(w, e.getValue());
                    wEdges.put(keep, e.getValue());
                }
            }
            adjacency.get(gone).clear();
            alive--;
        }
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int count = 0;
        int[] segmentOf = new int[n];
        for (int s = 0; s < n; s++) {
            int root = s;
            while (parent[root] != root) {
                root = parent[root];
            }
            if (index[root] < 0) {
                index[root] = count++;
            }
            segmentOf[s] = index[root];
        }
        return new Segments(sp, segmentOf, count);
    }

    private static List<Segment> describe(Superpixels sp, int[] segmentOf, int count) {
        double[] pixels = new double[count];
        double[] l = new double[count];
        double[] a = new double[count];
        double[] b = new double[count];
        double[] x = new double[count];
        double[] y = new double[count];
        double[] g = new double[count];
        for (int s = 0; s < sp.count; s++) {
            int t = segmentOf[s];
            pixels[t] += sp.pixels[s];
            l[t] += sp.sumL[s];
            a[t] += sp.sumA[s];
            b[t] += sp.sumB[s];
            x[t] += sp.sumX[s];
            y[t] += sp.sumY[s];
            g[t] += sp.sumGradient[s];
        }
        double total = sp.lab.width * (double) sp.lab.height;
        List<Segment> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            double m = pixels[t];
            out.add(new Segment(t, m / total, l[t] / m, a[t] / m, b[t] / m,
                    (x[t] / m + 0.5) / sp.lab.width, (y[t] / m + 0.5) / sp.lab.height, g[t] / m));
        }
        return List.copyOf(out);
    }

    public int width() {
        return superpixels.lab.width;
    }

    public int height() {
        return superpixels.lab.height;
    }

    public int count() {
        return segments.size();
    }

    public List<Segment> list() {
        return segments;
    }

    /** The segment under pixel (x, y). */
    public int at(int x, int y) {
        return segmentOf[superpixels.labels[y * width() + x]];
    }

    /** A hard 0/1 mask of one segment, row-major at the working size. */
    public float[] mask(int segment) {
        int[] labels = superpixels.labels;
        float[] mask = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (segmentOf[labels[i]] == segment) {
                mask[i] = 1f;
            }
        }
        return mask;
    }

    /** Each segment as a region with id {@code segment-N} (N from 1), largest first. */
    public List<FoundRegion> asRegions() {
        List<Segment> bySize = new ArrayList<>(segments);
        bySize.sort((s, t) -> Double.compare(t.area(), s.area()));
        List<FoundRegion> out = new ArrayList<>(bySize.size());
        for (int i = 0; i < bySize.size(); i++) {
            Segment s = bySize.get(i);
            out.add(new FoundRegion("segment-" + (i + 1), "area " + (i + 1), mask(s.index()), s.area()));
        }
        return out;
    }

    Superpixels superpixels() {
        return superpixels;
    }
}
