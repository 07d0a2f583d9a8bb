package dev.pertouch.inference.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the networks' probability planes into the {@code subject} and {@code person} masks, or into nothing when
 * the evidence is weak. Both networks always answer something: U^2-Net marks mountains on a landscape, and the
 * selfie network marks 3-7% of a landscape, cats, dogs and cups as a person. The gates below keep only
 * confident, solid pieces; the figures were read off the labelled set (docs/REGIONS.md).
 */
final class Silhouettes {
    /** A pixel belongs to a piece where the probability reaches this. */
    private static final float CORE = 0.5f;
    /** Soft values are kept this far (pixels) outside the accepted pieces, so edges stay soft. */
    private static final int FRINGE = 3;

    static final double SUBJECT_MIN_PEAK = 0.5;
    static final double SUBJECT_MIN_CONFIDENCE = 0.8;
    static final double SUBJECT_MIN_AREA = 0.01;
    static final double SUBJECT_MIN_SOLIDITY = 0.15;
    static final double RIDGE_MAX_ASPECT = 0.5;
    static final double RIDGE_MIN_UNDER_SKY = 0.5;
    static final double RIDGE_SKY_REACH = 0.05;

    static final double PERSON_MIN_CONFIDENCE = 0.9;
    static final double PERSON_MIN_AREA = 0.02;
    static final double PERSON_MIN_SOLIDITY = 0.3;
    /** One of several people in a group can be small: half the area a lone person needs. */
    static final double FIGURE_MIN_AREA = 0.01;
    static final double FIGURE_MIN_ASPECT = 1.5;
    static final double FIGURE_MIN_SOLIDITY = 0.5;
    static final double FIGURE_MIN_CONFIDENCE = 0.75;
    static final double SLIM_FIGURE_MIN_ASPECT = 2.0;
    static final double SLIM_FIGURE_MIN_SOLIDITY = 0.6;
    static final double BACKDROP_MIN_ON_PERSON = 0.6;
    static final double LARGE_PERSON_AREA = 0.25;
    static final double LARGE_PERSON_MIN_SKIN = 0.02;

    private Silhouettes() {
    }

    /**
     * The salient subject: pieces of U^2-Net's output that are confident and solid. A piece that does not reach
     * the bottom and either runs from the left edge to the right edge or is a {@link #ridge} is scenery (a
     * mountain range, a skyline), not a subject. {@code sky}: the sky's mask, or null.
     */
    static Optional<float[]> subject(float[] saliency, float[] sky, int w, int h) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : saliency) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max < SUBJECT_MIN_PEAK) {
            return Optional.empty();
        }
        float range = max - min;
        float[] stretched = new float[saliency.length];
        for (int i = 0; i < saliency.length; i++) {
            stretched[i] = (saliency[i] - min) / range;
        }
        List<Blobs.Blob> kept = new ArrayList<>();
        for (Blobs.Blob b : Blobs.of(stretched, w, h, CORE)) {
            boolean scenery = !b.touchesBottom() && (b.spansWidth() || ridge(b, sky, w));
            if (b.area() >= SUBJECT_MIN_AREA && b.meanProbability() >= SUBJECT_MIN_CONFIDENCE
                    && b.solidity() >= SUBJECT_MIN_SOLIDITY && !scenery) {
                kept.add(b);
            }
        }
        return keep(stretched, kept, w, h);
    }

    /**
     * Whether a piece is a mountain range or a skyline: much wider than tall, with sky within 5% of the height
     * above its top in at least half of its columns. {@code sky}: the sky's mask, or null when the photo shows none.
     */
    private static boolean ridge(Blobs.Blob b, float[] sky, int w) {
        if (sky == null || b.aspect() >= RIDGE_MAX_ASPECT) {
            return false;
        }
        boolean[] in = new boolean[sky.length];
        for (int i : b.pixels()) {
            in[i] = true;
        }
        return Columns.topsUnder(i -> in[i], i -> sky[i] >= CORE, w, sky.length / w,
                (int) Math.ceil(RIDGE_SKY_REACH * b.height())).mostlyMet(RIDGE_MIN_UNDER_SKY);
    }

    /**
     * The person: pieces of the selfie network's output that are very confident and solid, and not a frame-
     * filling close-up that touches the top and both sides (what the network does with an animal's face).
     * {@code sliding} is the network's answer on squares sliding along the long side ({@link
     * MaskModel#predictSliding}), which finds the small standing figures of a group photo that the whole-frame
     * pass misses. It also answers for close-ups of cups and glasses, so a piece that only the sliding pass
     * sees must in addition look like a standing figure ({@link #standingFigure}).
     */
    static Optional<float[]> person(float[] whole, Optional<float[]> sliding, LabImage lab) {
        int w = lab.width;
        int h = lab.height;
        float[] probability = whole;
        if (sliding.isPresent()) {
            probability = new float[whole.length];
            for (int i = 0; i < whole.length; i++) {
                probability[i] = Math.max(whole[i], sliding.get()[i]);
            }
        }
        List<Blobs.Blob> kept = new ArrayList<>();
        for (Blobs.Blob b : Blobs.of(probability, w, h, CORE)) {
            boolean fillsFrame = b.touchesTop() && b.spansWidth();
            if (b.area() < FIGURE_MIN_AREA || b.solidity() < PERSON_MIN_SOLIDITY || fillsFrame) {
                continue;
            }
            boolean confident = b.meanProbability() >= PERSON_MIN_CONFIDENCE;
            boolean shaped = mean(whole, b) >= CORE ? confident && b.area() >= PERSON_MIN_AREA
                    : standingFigure(b, confident);
            if (shaped && (b.area() < LARGE_PERSON_AREA || skinShare(lab, b) >= LARGE_PERSON_MIN_SKIN)) {
                kept.add(b);
            }
        }
        return keep(probability, kept, w, h);
    }

    /**
     * The share of a piece's pixels in skin tones (Lab: L* 30-90, a* 6-30, b* 6-35 and at least 0.6 a*). A person
     * filling a quarter of the photo shows a face or hands (9-15% of the portraits' pixels); the dark rock the
     * network also answers for has none (0.2%).
     */
    private static double skinShare(LabImage lab, Blobs.Blob b) {
        int skin = 0;
        for (int i : b.pixels()) {
            float l = lab.l[i];
            float a = lab.a[i];
            float yb = lab.b[i];
            if (l > 30 && l < 90 && a > 6 && a < 30 && yb > 6 && yb < 35 && yb > 0.6f * a) {
                skin++;
            }
        }
        return skin / (double) b.pixels().length;
    }

    /**
     * Whether a piece only the sliding pass saw is shaped like a standing figure: tall and solid, and taller
     * and more solid still when the network is less sure of it.
     */
    private static boolean standingFigure(Blobs.Blob b, boolean confident) {
        if (confident) {
            return b.aspect() >= FIGURE_MIN_ASPECT && b.solidity() >= FIGURE_MIN_SOLIDITY;
        }
        return b.meanProbability() >= FIGURE_MIN_CONFIDENCE && b.aspect() >= SLIM_FIGURE_MIN_ASPECT
                && b.solidity() >= SLIM_FIGURE_MIN_SOLIDITY;
    }

    /**
     * Whether a blue "sky" is a studio backdrop behind a portrait: in most of the columns it covers, what lies
     * just below its lowest pixel is the person, where real sky ends at a horizon, a roof line or trees.
     */
    static boolean backdrop(float[] sky, float[] person, int w, int h) {
        // the person mask starts a few pixels below where the sky's soft edge ends
        return Columns.bottomsOver(i -> sky[i] >= CORE, i -> person[i] >= CORE, w, h, 2 * FRINGE)
                .mostlyMet(BACKDROP_MIN_ON_PERSON);
    }

    private static double mean(float[] plane, Blobs.Blob b) {
        double sum = 0;
        for (int i : b.pixels()) {
            sum += plane[i];
        }
        return sum / b.pixels().length;
    }

    private static Optional<float[]> keep(float[] probability, List<Blobs.Blob> kept, int w, int h) {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        float[] core = new float[w * h];
        for (Blobs.Blob b : kept) {
            for (int i : b.pixels()) {
                core[i] = 1f;
            }
        }
        float[] near = SoftMasks.dilate(core, w, h, FRINGE);
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = near[i] * Math.min(1f, Math.max(0f, probability[i]));
        }
        return Optional.of(out);
    }
}
