package dev.pertouch.inference.render;

import ai.djl.Device;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.AttributeMeter;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.Calibration;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.RenderResult;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The embedded retouch engine. The edit state becomes one layer per region (the whole image first, then the state's
 * regions in order, as PerTouch blends its map); each layer gets targets for all four attributes; the solver finds
 * the operator settings that reach them on the working image, measured with the same meter the targets come from;
 * then the settings are feathered along the photo's edges and rendered at the asked size with DJL tensors.
 *
 * <p>Targets: a region's set value is its target. An attribute a region does not set keeps the photo's own value
 * there, moved by as much as the state moves {@code global}'s value of that attribute from the photo's own; and
 * {@code global}'s own layer (the pixels no later region covers) moves by that same amount. With no region but
 * {@code global} this is exactly {@code global}'s value. A layer with nothing to change is left alone, so an empty
 * state gives the photo back unchanged.
 */
public final class ParametricRetoucher implements Retoucher {
    /** The DJL engine this retoucher's tensors run on. */
    public static final String ENGINE = TensorRender.ENGINE;
    /** A set target is met when the render measures within this of it, in normalized units. */
    public static final double REACHED = 0.05;
    /** An attribute nobody asked to change may drift by this much before the result says so. */
    public static final double DRIFT = 0.1;
    private static final int PHOTOS = 3;
    private static final long KEPT_PIXELS = 2_500_000;

    private final AttributeMeter meter;
    private final Calibration calibration;
    private final SettingsSolver solver;
    private final TensorRender tensors;
    private final Map<RgbImage, PreparedPhoto> photos = new LinkedHashMap<>(8, 0.75f, true);

    public ParametricRetoucher(AttributeMeter meter, Calibration calibration, Device device) {
        this.meter = meter;
        this.calibration = calibration;
        this.solver = new SettingsSolver(calibration);
        this.tensors = new TensorRender(device);
    }

    @Override
    public RenderResult render(RgbImage photo, PhotoAnalysis analysis, EditState state, int maxSide) {
        if (photo.width() != analysis.width() || photo.height() != analysis.height()) {
            throw new IllegalArgumentException("the analysis is of a " + analysis.width() + "x" + analysis.height()
                    + " photo, not of this " + photo.width() + "x" + photo.height() + " one");
        }
        analysis.checkRegions(state);
        WorkingImage.Size size = outputSize(photo, maxSide);
        PreparedPhoto prepared = prepared(photo);
        List<String> ids = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        ids.add(EditState.GLOBAL);
        masks.add(null);
        for (String id : state.regions()) {
            if (!EditState.GLOBAL.equals(id)) {
                ids.add(id);
                masks.add(analysis.region(id).orElseThrow().mask());
            }
        }
        LayerPlan plan = prepared.plan(ids, masks, meter);
        Layer[] layers = new Layer[ids.size()];
        AttributeValues[] rawTargets = new AttributeValues[ids.size()];
        for (int q = 0; q < layers.length; q++) {
            layers[q] = layer(ids.get(q), plan.own[q], state, analysis.baseline());
            rawTargets[q] = layers[q].rawTargets();
        }
        OperatorSettings[] settings = solver.solve(plan, rawTargets);
        boolean identity = true;
        for (OperatorSettings s : settings) {
            identity &= s.isIdentity();
        }
        if (identity) {
            return unchanged(photo, prepared, analysis, size);
        }
        double[][] values = new double[settings.length][];
        for (int q = 0; q < settings.length; q++) {
            values[q] = settings[q].toArray();
        }
        RgbImage image = new RgbImage(size.width(), size.height(), render(photo, prepared, plan, size, values));
        WorkingImage.Size work = new WorkingImage.Size(prepared.work.width(), prepared.work.height());
        RgbImage working = size.equals(work) ? image
                : new RgbImage(work.width(), work.height(), render(photo, prepared, plan, work, values));
        return measured(image, WorkingImage.exact(working), analysis, plan, layers);
    }

    /** Makes (or finds) what renders of this photo reuse, and hands back its working image. */
    @Override
    public WorkingImage prepare(RgbImage photo) {
        return prepared(photo).work;
    }

    /**
     * Measures the same edit rendered at the working size (measuring a smaller render brought back up, or a
     * preview taken down again, would blur it twice): every region of the analysis for the result, every layer for
     * the notes (a layer covering just its region's mask is measured once).
     */
    private RenderResult measured(RgbImage image, WorkingImage rendered, PhotoAnalysis analysis, LayerPlan plan,
                                  Layer[] layers) {
        List<float[]> masks = new ArrayList<>();
        for (Region r : analysis.regions()) {
            masks.add(r.mask());
        }
        int[] layerMask = new int[layers.length];
        for (int q = 0; q < layers.length; q++) {
            layerMask[q] = sameMask(masks, plan.map.weight(q));
            if (layerMask[q] < 0) {
                layerMask[q] = masks.size();
                masks.add(plan.map.weight(q));
            }
        }
        List<AttributeValues> raw = meter.measure(rendered, masks);
        List<String> notes = new ArrayList<>();
        for (int q = 0; q < layers.length; q++) {
            String label = regionLabel(analysis, plan.map.layers().get(q));
            layers[q].describe(calibration.normalize(raw.get(layerMask[q])), label, notes);
        }
        Map<String, AttributeValues> measured = new LinkedHashMap<>();
        for (int i = 0; i < analysis.regions().size(); i++) {
            measured.put(analysis.regions().get(i).id(), calibration.normalize(raw.get(i)));
        }
        return new RenderResult(image, measured, notes);
    }

    /**
     * Previews (up to {@value #KEPT_PIXELS} pixels) render from tensors kept per photo, layers and size, since a
     * slider sends many in a row; larger renders go through in strips with nothing kept.
     */
    private int[] render(RgbImage photo, PreparedPhoto prepared, LayerPlan plan, WorkingImage.Size size,
                         double[][] values) {
        if ((long) size.width() * size.height() <= KEPT_PIXELS) {
            TensorRender.Prepared kept = plan.tensors(tensors, prepared, size.width(), size.height());
            try {
                return tensors.render(kept, prepared.planar(size.width(), size.height()), values);
            } finally {
                kept.release();
            }
        }
        TensorRender.Grid grid = new TensorRender.Grid(prepared.work.width(), prepared.work.height(),
                plan.map.featheredCoefficients(values), prepared.detailA, prepared.detailB);
        return tensors.render(source(photo, prepared, size), size.width(), size.height(), grid);
    }

    private Layer layer(String id, AttributeValues ownRaw, EditState state, EditState.Baseline baseline) {
        AttributeValues ownNormalized = calibration.normalize(ownRaw);
        double[] target = new double[Attribute.values().length];
        boolean[] asked = new boolean[target.length];
        for (Attribute a : Attribute.values()) {
            int i = a.ordinal();
            OptionalDouble set = state.get(id, a);
            OptionalDouble global = state.get(EditState.GLOBAL, a);
            double shift = global.isPresent() ? global.getAsDouble() - baseline.value(EditState.GLOBAL, a) : 0;
            target[i] = !EditState.GLOBAL.equals(id) && set.isPresent() ? set.getAsDouble()
                    : Math.max(-1, Math.min(1, ownNormalized.get(a) + shift));
            asked[i] = Math.abs(target[i] - ownNormalized.get(a)) > 1e-9;
        }
        return new Layer(ownRaw, ownNormalized, target, asked);
    }

    /** Which of the masks holds the same weights (all ones matching the whole image), or -1. */
    private static int sameMask(List<float[]> masks, float[] weights) {
        for (int i = 0; i < masks.size(); i++) {
            float[] m = masks.get(i);
            if (m == null ? allOnes(weights) : Arrays.equals(m, weights)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allOnes(float[] weights) {
        for (float v : weights) {
            if (v != 1f) {
                return false;
            }
        }
        return true;
    }

    private static String regionLabel(PhotoAnalysis analysis, String id) {
        return analysis.region(id).map(Region::label).filter(l -> !l.isBlank()).orElse(id);
    }

    /** One layer's targets (normalized) and which of them ask for a change. */
    private final class Layer {
        private final AttributeValues ownRaw;
        private final AttributeValues ownNormalized;
        private final double[] target;
        private final boolean[] asked;

        Layer(AttributeValues ownRaw, AttributeValues ownNormalized, double[] target, boolean[] asked) {
            this.ownRaw = ownRaw;
            this.ownNormalized = ownNormalized;
            this.target = target;
            this.asked = asked;
        }

        /** Raw targets for the solver, or {@code null} when nothing is to change. */
        AttributeValues rawTargets() {
            boolean any = false;
            double[] raw = ownRaw.toArray();
            for (Attribute a : Attribute.values()) {
                if (asked[a.ordinal()]) {
                    raw[a.ordinal()] = calibration.raw(a, target[a.ordinal()]);
                    any = true;
                }
            }
            return any ? AttributeValues.of(raw) : null;
        }

        void describe(AttributeValues reached, String label, List<String> notes) {
            boolean changed = false;
            for (boolean b : asked) {
                changed |= b;
            }
            if (!changed) {
                return;
            }
            for (Attribute a : Attribute.values()) {
                int i = a.ordinal();
                double got = reached.get(a);
                if (asked[i] && Math.abs(got - target[i]) > REACHED) {
                    notes.add(String.format(Locale.ROOT, "%s: %s %.2f was asked; %.2f is as far as this photo goes.",
                            label, a.key(), target[i], got));
                } else if (!asked[i] && Math.abs(got - ownNormalized.get(a)) > DRIFT) {
                    notes.add(String.format(Locale.ROOT,
                            "%s: %s moved from %.2f to %.2f on the way to the other targets.",
                            label, a.key(), ownNormalized.get(a), got));
                }
            }
        }
    }

    private RenderResult unchanged(RgbImage photo, PreparedPhoto prepared, PhotoAnalysis analysis,
                                   WorkingImage.Size size) {
        RgbImage image = photo;
        if (size.width() != photo.width() || size.height() != photo.height()) {
            int[] pixels = new int[size.width() * size.height()];
            TensorRender.pack(prepared.planar(size.width(), size.height()), pixels.length, pixels, 0);
            image = new RgbImage(size.width(), size.height(), pixels);
        }
        Map<String, AttributeValues> measured = new LinkedHashMap<>();
        for (Region r : analysis.regions()) {
            measured.put(r.id(), r.normalized());
        }
        return new RenderResult(image, measured, List.of());
    }

    private static TensorRender.Source source(RgbImage photo, PreparedPhoto prepared, WorkingImage.Size size) {
        int width = size.width();
        if (width == photo.width() && size.height() == photo.height()) {
            int[] px = photo.pixels();
            return (y0, rows, planar) -> {
                int n = rows * width;
                int from = y0 * width;
                for (int i = 0; i < n; i++) {
                    int p = px[from + i];
                    planar[i] = (byte) (p >> 16);
                    planar[n + i] = (byte) (p >> 8);
                    planar[2 * n + i] = (byte) p;
                }
            };
        }
        byte[] all = prepared.planar(width, size.height());
        int plane = width * size.height();
        return (y0, rows, planar) -> {
            int n = rows * width;
            for (int c = 0; c < 3; c++) {
                System.arraycopy(all, c * plane + y0 * width, planar, c * n, n);
            }
        };
    }

    /** The render size: the photo's, or smaller with the long side at {@code maxSide}. */
    static WorkingImage.Size outputSize(RgbImage photo, int maxSide) {
        int longSide = Math.max(photo.width(), photo.height());
        if (maxSide <= 0 || maxSide >= longSide) {
            return new WorkingImage.Size(photo.width(), photo.height());
        }
        double scale = (double) maxSide / longSide;
        return new WorkingImage.Size(Math.max(1, (int) Math.round(photo.width() * scale)),
                Math.max(1, (int) Math.round(photo.height() * scale)));
    }

    @Override
    public void close() {
        synchronized (photos) {
            photos.values().forEach(PreparedPhoto::retire);
            photos.clear();
        }
    }

    private PreparedPhoto prepared(RgbImage photo) {
        synchronized (photos) {
            PreparedPhoto known = photos.get(photo);
            if (known != null) {
                return known;
            }
        }
        PreparedPhoto prepared = new PreparedPhoto(photo);
        synchronized (photos) {
            PreparedPhoto raced = photos.putIfAbsent(photo, prepared);
            if (raced != null) {
                return raced;
            }
            if (photos.size() > PHOTOS) {
                photos.remove(photos.keySet().iterator().next()).retire();
            }
        }
        return prepared;
    }
}
