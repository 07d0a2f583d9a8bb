package dev.pertouch.inference.regions;

import ai.djl.engine.Engine;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Finds the named regions of a working image (long side 512): {@code global} always; {@code subject} from
 * U^2-NetP saliency and {@code person} from the MediaPipe selfie network, each gated so that weak answers are
 * dropped; {@code sky}, {@code vegetation} and {@code water} from {@link SurfaceRules} (a blue backdrop behind a
 * portrait is not sky); {@code background} as
 * what is neither subject nor person. A region with no evidence is left out rather than invented. Safe to
 * share between threads: each call makes its own predictors.
 */
public final class RegionFinder implements AutoCloseable {
    public static final String GLOBAL = "global";
    public static final String SUBJECT = "subject";
    public static final String PERSON = "person";
    public static final String BACKGROUND = "background";
    public static final String SKY = "sky";
    public static final String VEGETATION = "vegetation";
    public static final String WATER = "water";

    /** Below this short side the networks and surface rules have too little to look at; only global is found. */
    static final int MIN_SIDE = 16;

    private final MaskModel subjectModel;
    private final MaskModel personModel;

    private RegionFinder(MaskModel subjectModel, MaskModel personModel) {
        this.subjectModel = subjectModel;
        this.personModel = personModel;
    }

    /** Loads the bundled networks; starts DJL's OnnxRuntime engine first, before anything else creates one. */
    public static RegionFinder create() {
        Engine.getEngine("OnnxRuntime");
        // U^2-Net is the one long step of finding regions and the rest of the work beside it is short, so it gets
        // two threads where there are two cores; the selfie network's runs are short and keep one
        int saliencyThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
        MaskModel subject = MaskModel.load("/models/u2netp.onnx", 320, MaskModel.Input.IMAGENET_NCHW, saliencyThreads);
        try {
            return new RegionFinder(subject,
                    MaskModel.load("/models/selfie-segmentation.onnx", 256, MaskModel.Input.UNIT_NHWC, 1));
        } catch (RuntimeException e) {
            subject.close();
            throw e;
        }
    }

    /** The named regions of a working image, {@code global} first. */
    public List<FoundRegion> find(RgbImage workingImage) {
        return scan(workingImage).regions();
    }

    /** The named regions and the segments they were built on. */
    public FoundRegions scan(RgbImage image) {
        int w = image.width();
        int h = image.height();
        List<FoundRegion> regions = new ArrayList<>();
        regions.add(new FoundRegion(GLOBAL, "whole photo", null, 1.0));
        if (Math.min(w, h) < MIN_SIDE) {
            return new FoundRegions(w, h, regions, Segments.of(image));
        }
        // the saliency network is the slowest step: it runs beside segmentation and the person network
        CompletableFuture<float[]> saliency = CompletableFuture.supplyAsync(() -> upsample(subjectModel, image));
        Segments segments = Segments.of(image);
        float[] personProbability = upsample(personModel, image);
        Optional<float[]> person = Silhouettes.person(personProbability, personModel.predictSliding(image),
                segments.superpixels().lab);
        SurfaceRules rules = new SurfaceRules(segments.superpixels());
        boolean[] vegetation = rules.vegetation();
        Optional<float[]> vegetationMask = rules.mask(vegetation);
        boolean[] sky = rules.sky(vegetationMask.isPresent());
        boolean[] water = rules.water(sky, vegetation);
        Optional<float[]> skyMask = rules.skyMask(sky);
        Optional<float[]> subject = Silhouettes.subject(join(saliency), skyMask.orElse(null), w, h);
        float[] foreground = subject.orElse(null);
        if (person.isPresent()) {
            foreground = foreground == null ? person.get() : SoftMasks.union(foreground, person.get());
        }
        subject.ifPresent(m -> regions.add(region(SUBJECT, "main subject", m)));
        person.ifPresent(m -> regions.add(region(PERSON, "person", m)));
        if (foreground != null) {
            regions.add(region(BACKGROUND, "background", SoftMasks.complement(foreground)));
        }
        withoutForeground(skyMask, foreground)
                .filter(m -> person.isEmpty() || !Silhouettes.backdrop(m, person.get(), w, h))
                .ifPresent(m -> regions.add(region(SKY, "sky", m)));
        withoutForeground(vegetationMask, foreground).ifPresent(m -> regions.add(region(VEGETATION, "vegetation", m)));
        withoutForeground(rules.mask(water), foreground).ifPresent(m -> regions.add(region(WATER, "water", m)));
        return new FoundRegions(w, h, regions, segments);
    }

    /** A surface minus whatever stands in front of it; dropped if little is left. */
    private static Optional<float[]> withoutForeground(Optional<float[]> surface, float[] foreground) {
        return surface
                .map(m -> foreground == null ? m : SoftMasks.minus(m, foreground))
                .filter(m -> SoftMasks.area(m) >= SurfaceRules.MIN_AREA);
    }

    private static float[] upsample(MaskModel model, RgbImage image) {
        return Resampler.resize(model.predict(image), model.side(), model.side(), image.width(), image.height());
    }

    private static float[] join(CompletableFuture<float[]> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static FoundRegion region(String id, String label, float[] mask) {
        return new FoundRegion(id, label, mask, SoftMasks.area(mask));
    }

    @Override
    public void close() {
        subjectModel.close();
        personModel.close();
    }
}
