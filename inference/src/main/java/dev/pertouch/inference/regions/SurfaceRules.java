package dev.pertouch.inference.regions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Sky, vegetation and water from colour, position and texture of superpixels: no offline segmenter for them
 * exists, and these three surfaces are recognisable by simple cues. All colours are CIE Lab means of a
 * superpixel; texture is its mean gradient magnitude (L units per pixel at the working size). The full rules,
 * with the reasons behind each number, are in docs/REGIONS.md.
 */
final class SurfaceRules {
    /** A surface covering less of the image than this is not reported. */
    static final double MIN_AREA = 0.02;

    static final double SKY_SEED_MAX_TEXTURE = 1.5;
    static final double SKY_CLOUD_MAX_TEXTURE = 4.0;
    static final double SKY_WHITE_MAX_TEXTURE = 0.6;
    static final double SKY_SEED_MAX_B = -8;
    static final double SKY_TWILIGHT_MAX_B = -25;
    static final double SKY_HAZE_MIN_L = 85;
    static final double SKY_HAZE_MAX_B = -4;
    static final double SKY_MIN_SEED_AREA = 0.008;
    static final double SKY_GROW_MAX_STEP = 10;
    static final double SKY_MAX_DRIFT = 35;
    static final double SKY_MATCH = 6;
    static final double SKY_MAX_CENTRE = 0.75;
    static final double SKY_MAX_GAP = 0.15;
    static final double SKY_PIXEL_MATCH = 6;
    static final double REFLECTION_MIN_SHORE = 0.3;
    static final double REFLECTION_MIN_COLUMNS = 0.3;
    static final double REFLECTION_MAX_SPREAD = 0.04;

    static final double VEGETATION_MAX_L = 80;
    static final double VEGETATION_PALE_MIN_CHROMA = 20;
    static final double VEGETATION_MIN_CHROMA = 14;
    static final double VEGETATION_MIN_HUE = 100;
    static final double VEGETATION_OLIVE_MIN_CHROMA = 18;
    static final double VEGETATION_MIN_PIECE = 0.005;
    static final double VEGETATION_MIN_TEXTURE = 1.5;
    static final double VEGETATION_GROW_STEP = 15;
    static final double VEGETATION_SHADE_MAX_L = 35;

    static final double WATER_MIN_CENTRE = 0.45;
    static final double WATER_MAX_TEXTURE = 3.0;
    static final double WATER_SKY_LIKENESS = 15;
    static final double WATER_MAX_B = -15;
    static final double WATER_MIN_WIDTH = 0.2;
    static final double WATER_HORIZON_MAX_SPREAD = 0.02;
    static final double WATER_SKY_NEAR = 0.1;
    static final double WATER_SEA_MAX_TEXTURE = 1.2;
    static final double WATER_MIRROR_MIN_SKY_CHROMA = 15;
    static final double WATER_MIRROR_MIN_SHARE = 0.3;
    static final double WATER_MIRROR_MAX_DL = 30;
    static final double WATER_MIRROR_MAX_TURN = 25;

    private final Superpixels sp;
    private final int n;
    private final double[] l;
    private final double[] a;
    private final double[] b;
    private final double[] texture;
    private final double[] centreY;

    SurfaceRules(Superpixels sp) {
        this.sp = sp;
        n = sp.count;
        l = new double[n];
        a = new double[n];
        b = new double[n];
        texture = new double[n];
        centreY = new double[n];
        for (int s = 0; s < n; s++) {
            l[s] = sp.meanL(s);
            a[s] = sp.meanA(s);
            b[s] = sp.meanB(s);
            texture[s] = sp.sumGradient[s] / sp.pixels[s];
            centreY[s] = (sp.sumY[s] / sp.pixels[s] + 0.5) / sp.lab.height;
        }
    }

    /**
     * Sky: seeded by smooth, blue or violet superpixels on the top edge (day, twilight or night sky; an indoor
     * wall is rarely blue), by very smooth, bright ones with a trace of blue (a hazy sky), or by very smooth,
     * bright, neutral ones (a white sky) when the photo shows vegetation, since a white ceiling looks the same
     * and needs that outdoor evidence. Seeds grow into smooth neighbours whose
     * colour changes gradually and stays near the seeds' colour, which takes in haze and a sunset's glow but
     * stops at the hard edge of a horizon, a ridge or a tree line. Clouds are the exception to gradual change:
     * a bright, neutral neighbour lighter than the sky it touches, in the upper three quarters of the frame, joins
     * whatever the step, and may be rough. Sky cut off from the top edge (by a cable, a branch, a window frame)
     * is taken in when it is smooth, in the upper three quarters, within a few Lab units of sky found, and no more
     * than a thin gap below sky (so a lake mirroring the sky under a band of hills stays out).
     */
    boolean[] sky(boolean outdoors) {
        boolean[] in = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        double seedL = 0;
        double seedA = 0;
        double seedB = 0;
        double seedPixels = 0;
        for (int s = 0; s < n; s++) {
            // a twilight sky is violet: strongly blue with some red
            boolean blue = b[s] < SKY_SEED_MAX_B && (a[s] < 15 || a[s] < 30 && b[s] < SKY_TWILIGHT_MAX_B)
                    && l[s] > 15 && texture[s] < SKY_SEED_MAX_TEXTURE;
            // a hazy sky is all but white with a trace of blue; pure white needs outdoor evidence
            boolean white = (outdoors && b[s] < 3 || l[s] > SKY_HAZE_MIN_L && b[s] < SKY_HAZE_MAX_B)
                    && l[s] > 80 && Math.abs(a[s]) < 5 && texture[s] < SKY_WHITE_MAX_TEXTURE;
            if (sp.minY[s] == 0 && (blue || white)) {
                in[s] = true;
                queue.add(s);
                seedL += sp.sumL[s];
                seedA += sp.sumA[s];
                seedB += sp.sumB[s];
                seedPixels += sp.pixels[s];
            }
        }
        if (seedPixels < SKY_MIN_SEED_AREA * sp.labels.length) {
            return new boolean[n];
        }
        seedL /= seedPixels;
        seedA /= seedPixels;
        seedB /= seedPixels;
        grow(in, queue, seedL, seedA, seedB);
        // sky cut off from the top edge by a cable, a branch or a frame shows the same colour as sky already found
        for (int t = 0; t < n; t++) {
            if (!in[t] && !green(t) && texture[t] < SKY_SEED_MAX_TEXTURE && centreY[t] < SKY_MAX_CENTRE
                    && nearestSky(in, t) < SKY_MATCH && gapAbove(in, t) <= SKY_MAX_GAP * sp.lab.height) {
                in[t] = true;
                queue.add(t);
            }
        }
        grow(in, queue, seedL, seedA, seedB);
        dropReflection(in);
        return in;
    }

    /**
     * A calm lake mirrors the sky so closely that growth can run around the end of a thin shore line into the
     * reflection. The sign is a shore: in many columns, sky, then a strip of land, then sky-coloured water
     * again, with the land starting at nearly the same height everywhere (a cable or a branch in front of
     * the sky slants or breaks off). Below such a shore, in the lower part of the frame, what looks like sky
     * is its reflection and is dropped.
     */
    private void dropReflection(boolean[] in) {
        int w = sp.lab.width;
        int h = sp.lab.height;
        List<Integer> shore = new ArrayList<>();
        int skyColumns = 0;
        for (int x = 0; x < w; x++) {
            int y = 0;
            while (y < h && !in[sp.labels[y * w + x]]) {
                y++;
            }
            if (y == h) {
                continue;
            }
            skyColumns++;
            while (y < h && in[sp.labels[y * w + x]]) {
                y++;
            }
            int land = y;
            while (y < h && !in[sp.labels[y * w + x]]) {
                y++;
            }
            if (y < h && land >= REFLECTION_MIN_SHORE * h) {
                shore.add(land);
            }
        }
        if (skyColumns == 0 || shore.size() < REFLECTION_MIN_COLUMNS * skyColumns) {
            return;
        }
        Collections.sort(shore);
        int line = shore.get(shore.size() / 2);
        int spread = shore.get(shore.size() * 3 / 4) - shore.get(shore.size() / 4);
        if (spread > REFLECTION_MAX_SPREAD * h) {
            return;
        }
        for (int s = 0; s < n; s++) {
            if (in[s] && sp.sumY[s] / sp.pixels[s] > line) {
                in[s] = false;
            }
        }
    }

    /**
     * The fewest pixels between the top edge of superpixel t and sky above it, over its columns: a cable or a
     * branch leaves a small gap, land between sky and its reflection a large one. No sky above counts as the
     * whole height.
     */
    private int gapAbove(boolean[] sky, int t) {
        int w = sp.lab.width;
        int best = sp.lab.height;
        for (int x = sp.minX[t]; x <= sp.maxX[t]; x++) {
            int y = sp.minY[t];
            while (y <= sp.maxY[t] && sp.labels[y * w + x] != t) {
                y++;
            }
            if (y > sp.maxY[t]) {
                continue;
            }
            for (int gap = 0, yy = y - 1; yy >= 0 && gap < best; yy--, gap++) {
                if (sky[sp.labels[yy * w + x]]) {
                    best = gap;
                }
            }
        }
        return best;
    }

    private double nearestSky(boolean[] sky, int t) {
        double best = Double.MAX_VALUE;
        for (int s = 0; s < n; s++) {
            if (sky[s]) {
                best = Math.min(best, sp.colourDistance(s, t));
            }
        }
        return best;
    }

    private void grow(boolean[] in, ArrayDeque<Integer> queue, double seedL, double seedA, double seedB) {
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int t : sp.neighbours(s)) {
                if (in[t] || green(t)) {
                    continue;
                }
                boolean cloud = l[t] > 75 && Math.hypot(a[t], b[t]) < 12 && l[t] >= l[s] - 2
                        && centreY[t] < SKY_MAX_CENTRE && texture[t] < SKY_CLOUD_MAX_TEXTURE;
                Superpixels.Border border = sp.borders.get(Superpixels.key(s, t));
                boolean gradual = texture[t] < SKY_SEED_MAX_TEXTURE
                        && sp.colourDistance(s, t) < SKY_GROW_MAX_STEP
                        && border.meanStep() < SKY_GROW_MAX_STEP
                        && distance(t, seedL, seedA, seedB) < SKY_MAX_DRIFT;
                if (cloud || gradual) {
                    in[t] = true;
                    queue.add(t);
                }
            }
        }
    }

    /**
     * Vegetation: green superpixels (Lab hue 100-170 degrees), plus olive ones (80-100 degrees) saturated and
     * textured like dry grass or foliage, which keeps wood, sand and beige walls out. Pale light greens are lit
     * walls and glass, not plants (sunlit grass is light but vivid); small scattered pieces are lens flare.
     * Foliage in shade or turning yellow is less green: when the green part is substantial, the set grows into
     * textured, yellow-to-green neighbours of similar colour.
     */
    boolean[] vegetation() {
        boolean[] in = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        long seedPixels = 0;
        for (int s = 0; s < n; s++) {
            double chroma = Math.hypot(a[s], b[s]);
            double hue = hue(s);
            boolean olive = hue >= 80 && hue < VEGETATION_MIN_HUE && chroma >= VEGETATION_OLIVE_MIN_CHROMA
                    && l[s] < 65 && texture[s] >= VEGETATION_MIN_TEXTURE;
            boolean pale = l[s] > 60 && chroma < VEGETATION_PALE_MIN_CHROMA;
            in[s] = (green(s) || olive) && l[s] < VEGETATION_MAX_L && !pale;
            if (in[s]) {
                queue.add(s);
                seedPixels += sp.pixels[s];
            }
        }
        if (seedPixels < MIN_AREA * sp.labels.length) {
            queue.clear();
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int t : sp.neighbours(s)) {
                double hue = hue(t);
                double chroma = Math.hypot(a[t], b[t]);
                boolean yellowToGreen = hue >= 70 && hue <= 180 && chroma >= 6 && l[t] < 70;
                boolean shade = l[t] < VEGETATION_SHADE_MAX_L && (chroma < 6 || hue >= 60 && hue <= 200);
                if (!in[t] && texture[t] >= VEGETATION_MIN_TEXTURE && (yellowToGreen || shade)
                        && sp.colourDistance(s, t) < VEGETATION_GROW_STEP) {
                    in[t] = true;
                    queue.add(t);
                }
            }
        }
        return keepLarge(in, VEGETATION_MIN_PIECE);
    }

    /**
     * Water: smooth superpixels lying below the sky and below 45% of the height (half the height without sky)
     * that are blue or mirror the sky's colour (or its hue, paler), kept only as wide pieces that are not hazy
     * land ({@link #hazyLand}); a lake reflects the sky, a wall does not lie below it.
     * Only a clearly blue surface counts as blue: distant hazy hills are faintly blue.
     */
    boolean[] water(boolean[] sky, boolean[] vegetation) {
        double skyL = 0;
        double skyA = 0;
        double skyB = 0;
        double skyPixels = 0;
        int skyBottom = -1;
        for (int s = 0; s < n; s++) {
            if (sky[s]) {
                skyL += sp.sumL[s];
                skyA += sp.sumA[s];
                skyB += sp.sumB[s];
                skyPixels += sp.pixels[s];
                skyBottom = Math.max(skyBottom, (int) Math.round(sp.sumY[s] / sp.pixels[s]));
            }
        }
        double horizon = skyBottom >= 0 ? (double) skyBottom / sp.lab.height : 0.5;
        boolean[] in = new boolean[n];
        for (int s = 0; s < n; s++) {
            if (sky[s] || vegetation[s] || centreY[s] <= Math.max(horizon, WATER_MIN_CENTRE)
                    || texture[s] >= WATER_MAX_TEXTURE) {
                continue;
            }
            boolean blue = b[s] < WATER_MAX_B && a[s] < 10;
            boolean mirrorsSky = skyPixels > 0 && l[s] > 30
                    && mirrors(s, skyL / skyPixels, skyA / skyPixels, skyB / skyPixels);
            in[s] = blue || mirrorsSky;
        }
        return keepGroups(in, (group, size, pixels, width) -> width >= WATER_MIN_WIDTH * sp.lab.width
                && !hazyLand(group, size, pixels, sky));
    }

    /**
     * Whether a group is distant land in haze rather than water: hazy hills and a hazy city take the sky's
     * colour just as a lake mirrors it, but they lie right under the sky. Water meets the sky only at a sea's
     * horizon, which is straight, and a calm sea is smooth. So a group whose top has sky within a tenth of the
     * height above it in at least half of its columns is land unless the middle half of those tops lies within
     * 2% of the height and its texture is under 1.2.
     */
    private boolean hazyLand(int[] group, int size, long pixels, boolean[] sky) {
        int w = sp.lab.width;
        int h = sp.lab.height;
        boolean[] member = new boolean[n];
        double gradient = 0;
        for (int k = 0; k < size; k++) {
            member[group[k]] = true;
            gradient += sp.sumGradient[group[k]];
        }
        Columns.Edges top = Columns.topsUnder(i -> member[sp.labels[i]], i -> sky[sp.labels[i]], w, h,
                (int) Math.ceil(WATER_SKY_NEAR * h));
        if (!top.mostlyMet(0.5)) {
            return false;
        }
        List<Integer> tops = new ArrayList<>(top.met());
        Collections.sort(tops);
        boolean straight = tops.get(tops.size() * 3 / 4) - tops.get(tops.size() / 4) <= WATER_HORIZON_MAX_SPREAD * h;
        return !straight || gradient / pixels >= WATER_SEA_MAX_TEXTURE;
    }

    /**
     * Pixel mask of a set of superpixels, or empty when it covers too little. Superpixels straddle thin
     * boundaries (leaves against sky, a ridge line), so along the edge of the set each pixel goes with whichever
     * of its superpixel and the neighbours across the edge it is closest to in colour; then a one-pixel feather.
     */
    Optional<float[]> mask(boolean[] chosen) {
        return feathered(hard(chosen));
    }

    /**
     * The sky's pixel mask ({@link #mask}) with the sky seen through foliage, a lattice or between cables added:
     * pixels in the upper three quarters and above the lowest sky found, outside green superpixels, that are blue
     * (b* < -8) and within a few Lab units of a sky superpixel's colour. Superpixels there mix leaf and sky and
     * match neither.
     */
    Optional<float[]> skyMask(boolean[] sky) {
        float[] m = hard(sky);
        List<Integer> skyParts = new ArrayList<>();
        // the sky's colours, boxed: most pixels are far outside and need no closer look
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int s = 0; s < n; s++) {
            if (sky[s]) {
                skyParts.add(s);
                box[0] = Math.min(box[0], l[s] - SKY_PIXEL_MATCH);
                box[1] = Math.max(box[1], l[s] + SKY_PIXEL_MATCH);
                box[2] = Math.min(box[2], a[s] - SKY_PIXEL_MATCH);
                box[3] = Math.max(box[3], a[s] + SKY_PIXEL_MATCH);
                box[4] = Math.min(box[4], b[s] - SKY_PIXEL_MATCH);
                box[5] = Math.max(box[5], b[s] + SKY_PIXEL_MATCH);
            }
        }
        LabImage lab = sp.lab;
        // not below the lowest sky found: a lake under the horizon mirrors the sky's colour
        int lowest = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 0) {
                lowest = i / lab.width;
            }
        }
        int limit = Math.min((int) (SKY_MAX_CENTRE * lab.height), lowest) * lab.width;
        for (int i = 0; i < limit && !skyParts.isEmpty(); i++) {
            int s = sp.labels[i];
            if (m[i] > 0 || sky[s] || green(s) || lab.b[i] >= SKY_SEED_MAX_B
                    || lab.l[i] < box[0] || lab.l[i] > box[1] || lab.a[i] < box[2] || lab.a[i] > box[3]
                    || lab.b[i] < box[4] || lab.b[i] > box[5]) {
                continue;
            }
            for (int t : skyParts) {
                if (distance(t, lab.l[i], lab.a[i], lab.b[i]) < SKY_PIXEL_MATCH) {
                    m[i] = 1f;
                    break;
                }
            }
        }
        return feathered(m);
    }

    /** Each pixel with whichever of its superpixel and the neighbours across the set's edge is closest in colour. */
    private float[] hard(boolean[] chosen) {
        int[] labels = sp.labels;
        LabImage lab = sp.lab;
        float[] m = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int s = labels[i];
            int nearest = s;
            double best = distance(s, lab.l[i], lab.a[i], lab.b[i]);
            for (int t : sp.neighbours(s)) {
                if (chosen[t] != chosen[s]) {
                    double d = distance(t, lab.l[i], lab.a[i], lab.b[i]);
                    if (d < best) {
                        best = d;
                        nearest = t;
                    }
                }
            }
            if (chosen[nearest]) {
                m[i] = 1f;
            }
        }
        return m;
    }

    private Optional<float[]> feathered(float[] hard) {
        long count = 0;
        for (float v : hard) {
            if (v > 0) {
                count++;
            }
        }
        if (count < MIN_AREA * hard.length) {
            return Optional.empty();
        }
        return Optional.of(SoftMasks.feather(hard, sp.lab.width, sp.lab.height, 1));
    }

    private boolean green(int s) {
        double hue = hue(s);
        return hue >= VEGETATION_MIN_HUE && hue <= 170 && Math.hypot(a[s], b[s]) >= VEGETATION_MIN_CHROMA;
    }

    /**
     * Whether superpixel s looks like the reflection of a sky of the given mean colour: close to it, or, for a
     * coloured sky, of the same hue with less chroma (a reflection is paler) and not far off in lightness.
     */
    private boolean mirrors(int s, double skyL, double skyA, double skyB) {
        if (distance(s, skyL, skyA, skyB) < WATER_SKY_LIKENESS) {
            return true;
        }
        double skyChroma = Math.hypot(skyA, skyB);
        double chroma = Math.hypot(a[s], b[s]);
        if (skyChroma < WATER_MIRROR_MIN_SKY_CHROMA || chroma < WATER_MIRROR_MIN_SHARE * skyChroma
                || chroma > skyChroma * 1.1 || Math.abs(l[s] - skyL) > WATER_MIRROR_MAX_DL) {
            return false;
        }
        double turn = Math.abs(Math.toDegrees(Math.atan2(b[s], a[s]) - Math.atan2(skyB, skyA)));
        return Math.min(turn, 360 - turn) < WATER_MIRROR_MAX_TURN;
    }

    private double hue(int s) {
        double h = Math.toDegrees(Math.atan2(b[s], a[s]));
        return h < 0 ? h + 360 : h;
    }

    private double distance(int s, double ol, double oa, double ob) {
        double dl = l[s] - ol;
        double da = a[s] - oa;
        double db = b[s] - ob;
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    /** Keeps connected groups of chosen superpixels covering at least this share of the image. */
    private boolean[] keepLarge(boolean[] chosen, double minArea) {
        return keepGroups(chosen, (group, size, pixels, width) -> pixels >= minArea * sp.labels.length);
    }

    private interface GroupTest {
        /** {@code group}: the connected group's superpixels, its first {@code size} entries. */
        boolean keep(int[] group, int size, long pixels, int width);
    }

    private boolean[] keepGroups(boolean[] chosen, GroupTest test) {
        boolean[] out = new boolean[n];
        boolean[] seen = new boolean[n];
        int[] group = new int[n];
        for (int start = 0; start < n; start++) {
            if (!chosen[start] || seen[start]) {
                continue;
            }
            int size = 0;
            long pixels = 0;
            int minX = Integer.MAX_VALUE;
            int maxX = -1;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int s = queue.poll();
                group[size++] = s;
                pixels += sp.pixels[s];
                minX = Math.min(minX, sp.minX[s]);
                maxX = Math.max(maxX, sp.maxX[s]);
                for (int t : sp.neighbours(s)) {
                    if (chosen[t] && !seen[t]) {
                        seen[t] = true;
                        queue.add(t);
                    }
                }
            }
            if (test.keep(group, size, pixels, maxX - minX + 1)) {
                for (int k = 0; k < size; k++) {
                    out[group[k]] = true;
                }
            }
        }
        return out;
    }
}
