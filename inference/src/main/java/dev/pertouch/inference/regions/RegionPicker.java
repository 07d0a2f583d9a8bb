package dev.pertouch.inference.regions;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picking a region of one analysed working image: a click grows a selection by similarity, a dragged box
 * selects what stands out inside it, and a typed name resolves to a found region or to nothing. Shift-click
 * and alt-click combine selections with {@link SoftMasks#union} and {@link SoftMasks#minus}. All coordinates
 * are working-image pixels; masks are hard 0/1 at the working size.
 */
public final class RegionPicker {
    /** Lab distance within which a click's selection keeps growing. */
    static final double GROW_TOLERANCE = 12;
    /** Lab distance from everything on a box's border that makes a superpixel inside it stand out. */
    static final double BOX_CONTRAST = 10;

    private static final Set<String> FILLER = Set.of("the", "a", "an", "my", "this", "that", "these", "those",
            "our", "his", "its", "their", "your", "region", "area", "part", "of", "in", "photo's", "image's");

    private static final Map<String, String> WORDS = new HashMap<>();

    static {
        words(RegionFinder.GLOBAL, "global", "whole", "everything", "photo", "picture", "image", "all", "entire",
                "overall", "whole photo", "whole image", "whole picture", "entire photo", "entire image");
        words(RegionFinder.SKY, "sky", "skies", "cloud", "clouds", "heavens", "skyline sky");
        words(RegionFinder.PERSON, "person", "people", "man", "men", "woman", "women", "girl", "boy", "child",
                "kid", "kids", "face", "portrait", "skin", "model", "human", "humans", "astronaut", "guy", "lady",
                "him", "her", "me", "selfie");
        words(RegionFinder.VEGETATION, "vegetation", "tree", "trees", "grass", "plant", "plants", "foliage",
                "leaf", "leaves", "greenery", "forest", "woods", "bush", "bushes", "lawn", "meadow", "greens");
        words(RegionFinder.WATER, "water", "sea", "ocean", "lake", "river", "stream", "waves", "pond", "bay");
        words(RegionFinder.BACKGROUND, "background", "backdrop", "surroundings", "behind", "rest");
        words(RegionFinder.SUBJECT, "subject", "main subject", "foreground", "object", "thing", "dog", "dogs",
                "puppy", "cat", "cats", "kitten", "animal", "animals", "pet", "bird", "car", "vehicle", "bike",
                "motorcycle", "boat", "flower", "flowers", "dandelion", "food", "dish", "plate", "cup", "coffee",
                "mug", "bowl", "fruit", "bottle", "glass", "product", "toy", "statue", "rocket", "clock", "drum",
                "insect", "dragonfly", "butterfly");
    }

    private final FoundRegions found;
    private final Superpixels sp;

    public RegionPicker(FoundRegions found) {
        this.found = found;
        this.sp = found.segments() == null ? null : found.segments().superpixels();
    }

    /**
     * The selection a click at (x, y) makes: superpixels grown from the one under the click while their colour
     * stays within {@value #GROW_TOLERANCE} Lab units of the selection so far and no strong edge lies between.
     */
    public float[] grow(int x, int y) {
        requireSegments();
        int w = found.width();
        int h = found.height();
        int seed = sp.labels[clamp(y, h) * w + clamp(x, w)];
        boolean[] in = new boolean[sp.count];
        in[seed] = true;
        double l = sp.sumL[seed];
        double a = sp.sumA[seed];
        double b = sp.sumB[seed];
        double pixels = sp.pixels[seed];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(seed);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int t : sp.neighbours(s)) {
                if (in[t]) {
                    continue;
                }
                double dl = sp.meanL(t) - l / pixels;
                double da = sp.meanA(t) - a / pixels;
                double db = sp.meanB(t) - b / pixels;
                double step = sp.borders.get(Superpixels.key(s, t)).meanStep();
                if (Math.sqrt(dl * dl + da * da + db * db) < GROW_TOLERANCE && step < GROW_TOLERANCE) {
                    in[t] = true;
                    queue.add(t);
                    l += sp.sumL[t];
                    a += sp.sumA[t];
                    b += sp.sumB[t];
                    pixels += sp.pixels[t];
                }
            }
        }
        return mask(in, 0, 0, w - 1, h - 1);
    }

    /**
     * The selection a dragged box makes: superpixels mostly inside the box whose colour differs from every
     * superpixel on the box's border, cut to the box. When nothing inside stands out (a box over one uniform
     * area), the whole box.
     */
    public float[] box(int x0, int y0, int x1, int y1) {
        requireSegments();
        int w = found.width();
        int h = found.height();
        int left = clamp(Math.min(x0, x1), w);
        int right = clamp(Math.max(x0, x1), w);
        int top = clamp(Math.min(y0, y1), h);
        int bottom = clamp(Math.max(y0, y1), h);
        int[] inside = new int[sp.count];
        boolean[] border = new boolean[sp.count];
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                int s = sp.labels[y * w + x];
                inside[s]++;
                if (x == left || x == right || y == top || y == bottom) {
                    border[s] = true;
                }
            }
        }
        boolean[] touched = new boolean[sp.count];
        boolean[] standsOut = new boolean[sp.count];
        boolean any = false;
        for (int s = 0; s < sp.count; s++) {
            touched[s] = inside[s] > 0;
            if (border[s] || inside[s] * 2 < sp.pixels[s]) {
                continue;
            }
            double nearest = Double.MAX_VALUE;
            for (int t = 0; t < sp.count; t++) {
                if (border[t]) {
                    nearest = Math.min(nearest, sp.colourDistance(s, t));
                }
            }
            if (nearest > BOX_CONTRAST) {
                standsOut[s] = true;
                any = true;
            }
        }
        return mask(any ? standsOut : touched, left, top, right, bottom);
    }

    /**
     * The found region a typed name means ("sky", "the dog", "background", "segment-3"), or empty when the photo
     * has no such region. Names of things ("dog", "cup") mean the main subject; people mean the person region.
     */
    public Optional<FoundRegion> resolve(String name) {
        String phrase = normalise(name);
        String id = phrase.replace(' ', '-');
        Optional<FoundRegion> exact = found.region(id);
        if (exact.isPresent()) {
            return exact;
        }
        if (id.startsWith("segment-")) {
            if (found.segments() == null) {
                return Optional.empty();
            }
            return found.segments().asRegions().stream().filter(r -> r.id().equals(id)).findFirst();
        }
        String named = WORDS.get(phrase);
        if (named == null) {
            String[] words = phrase.split(" ");
            named = WORDS.get(words[words.length - 1]);
        }
        if (named == null) {
            return Optional.empty();
        }
        if (phrase.equals("foreground")) {
            return found.region(RegionFinder.SUBJECT).or(() -> found.region(RegionFinder.PERSON));
        }
        return found.region(named);
    }

    /** Every phrase that resolves to something, for hints on the page. */
    public static List<String> knownNames() {
        return WORDS.keySet().stream().sorted().toList();
    }

    private static void words(String id, String... names) {
        for (String n : names) {
            WORDS.put(n, id);
        }
    }

    private static String normalise(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9'\\- ]", " ").trim().split("\\s+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(word);
            }
        }
        return out.toString();
    }

    private float[] mask(boolean[] chosen, int left, int top, int right, int bottom) {
        int w = found.width();
        float[] m = new float[w * found.height()];
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if (chosen[sp.labels[y * w + x]]) {
                    m[y * w + x] = 1f;
                }
            }
        }
        return m;
    }

    private void requireSegments() {
        if (sp == null) {
            throw new IllegalStateException("clicks and boxes pick from segments, and these regions come without them");
        }
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
