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

    static final double PERSON_MIN_CONFIDENCE = 0.9;
    static final double PERSON_MIN_AREA = 0.02;
    static final double PERSON_MIN_SOLIDITY = 0.3;

    private Silhouettes() {
    }

    /**
     * The salient subject: pieces of U^2-Net's output that are confident and solid. A piece running from the
     * left edge to the right edge without reaching the bottom is scenery (a mountain range, a skyline), not a
     * subject.
     */
    static Optional<float[]> subject(float[] saliency, int w, int h) {
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
            boolean scenery = b.spansWidth() && !b.touchesBottom();
            if (b.area() >= SUBJECT_MIN_AREA && b.meanProbability() >= SUBJECT_MIN_CONFIDENCE
                    && b.solidity() >= SUBJECT_MIN_SOLIDITY && !scenery) {
                kept.add(b);
            }
        }
        return keep(stretched, kept, w, h);
    }

    /**
     * The person: pieces of the selfie network's output that are very confident and solid, and not a frame-
     * filling close-up that touches the top and both sides (what the network does with an animal's face).
     */
    static Optional<float[]> person(float[] probability, int w, int h) {
        List<Blobs.Blob> kept = new ArrayList<>();
        for (Blobs.Blob b : Blobs.of(probability, w, h, CORE)) {
            boolean fillsFrame = b.touchesTop() && b.spansWidth();
            if (b.area() >= PERSON_MIN_AREA && b.meanProbability() >= PERSON_MIN_CONFIDENCE
                    && b.solidity() >= PERSON_MIN_SOLIDITY && !fillsFrame) {
                kept.add(b);
            }
        }
        return keep(probability, kept, w, h);
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
