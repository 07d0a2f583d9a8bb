package dev.pertouch.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;
import dev.pertouch.inference.regions.FoundRegion;
import dev.pertouch.inference.regions.FoundRegions;
import dev.pertouch.inference.regions.RegionFinder;
import dev.pertouch.inference.regions.RegionPicker;
import dev.pertouch.inference.regions.Segments;
import dev.pertouch.inference.regions.SoftMasks;
import dev.pertouch.inference.render.ParametricRetoucher;
import dev.pertouch.inference.render.Retoucher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inference side of PerTouch in one object: finds and measures the regions of photos, picks further regions by
 * click, box or name, and renders edit states with the embedded parametric retoucher on DJL's PyTorch engine. One
 * instance serves the whole process; every method may be called from several threads at once.
 */
public final class RetouchEngine implements AutoCloseable {
    private static final String OFFLINE = "ai.djl.offline";
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    /** Overlay colours of the named regions, in the order they are painted (later ones on top). */
    private static final Map<String, Integer> OVERLAY_COLOURS = overlayPalette();
    /** Overlay colour of every other region: picked selections and segments. */
    private static final int OTHER_COLOUR = 0xFFFFFF;

    private final AttributeMeter meter;
    private final Calibration calibration;
    private final Device device;
    private final RegionFinder finder;
    private final Retoucher retoucher;

    private RetouchEngine(AttributeMeter meter, Calibration calibration, Device device, RegionFinder finder) {
        this.meter = meter;
        this.calibration = calibration;
        this.device = device;
        this.finder = finder;
        this.retoucher = new ParametricRetoucher(meter, calibration, device);
    }

    /**
     * Loads the region networks, libtorch and the calibration table. Native libraries come from Maven artifacts on
     * the class path, and DJL is kept offline ({@value #OFFLINE}) unless the process says otherwise, so nothing is
     * downloaded. The region finder starts DJL's OnnxRuntime engine here, before anything else in the process (such
     * as a language model's embeddings) makes its own ONNX Runtime environment, which DJL could then not configure.
     * Each tensor operation runs on one thread unless {@value #THREADS} says otherwise: renders already run their
     * strips and the server its jobs in parallel, and libtorch's own thread pool only adds waiting on a small shared
     * machine.
     */
    public static RetouchEngine create(EngineConfig config) {
        Calibration calibration;
        try {
            calibration = config.calibrationTable() == null ? Calibration.bundled()
                    : Calibration.read(config.calibrationTable());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calibration table " + config.calibrationTable() + ": "
                    + e.getMessage(), e);
        }
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        if (System.getProperty(INTEROP_THREADS) == null) {
            System.setProperty(INTEROP_THREADS, "1");
        }
        RegionFinder finder = RegionFinder.create();
        try {
            Engine engine = Engine.getEngine(ParametricRetoucher.ENGINE);
            Device device = config.preferGpu() && engine.getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
            return new RetouchEngine(new AttributeMeter(), calibration, device, finder);
        } catch (RuntimeException e) {
            finder.close();
            throw e;
        }
    }

    /**
     * The photo's regions, {@code global} first, then the named regions the photo shows ({@code subject},
     * {@code person}, {@code background}, {@code sky}, {@code vegetation}, {@code water}; docs/REGIONS.md), each
     * measured, all in one pass over the working image. A region with no evidence in the photo is left out. The
     * analysis keeps the working image and its segments for picking; what renders reuse of the photo is made here
     * too, so the first render after an analysis starts from it.
     */
    public PhotoAnalysis analyze(RgbImage photo) {
        WorkingImage work = retoucher.prepare(photo);
        FoundRegions found = finder.scan(work.rounded());
        return new PhotoAnalysis(photo.width(), photo.height(), work.width(), work.height(),
                measure(work, found.regions()), work, found.segments());
    }

    /**
     * The photo's regions as given: {@code global} and one per mask, in the map's iteration order, with no regions
     * found. Masks are soft, in [0, 1], at the working size ({@link WorkingImage#sizeFor(int, int)}); values outside
     * [0, 1] are clamped. Picking on such an analysis segments its working image when asked.
     */
    public PhotoAnalysis analyze(RgbImage photo, Map<String, float[]> extraMasks) {
        WorkingImage work = retoucher.prepare(photo);
        List<FoundRegion> given = new ArrayList<>();
        given.add(new FoundRegion(EditState.GLOBAL, "whole photo", null, 1.0));
        for (Map.Entry<String, float[]> e : extraMasks.entrySet()) {
            String id = e.getKey();
            if (EditState.GLOBAL.equals(id) || given.stream().anyMatch(r -> r.id().equals(id))) {
                throw new InvalidEditException("duplicate_region", "Region '" + id + "' is given twice.");
            }
            given.add(outline(work, id, null, e.getValue()));
        }
        return new PhotoAnalysis(photo.width(), photo.height(), work.width(), work.height(), measure(work, given),
                work, null);
    }

    /**
     * The analysis with one more region, measured on its working image: a mask the user picked (soft, in [0, 1], at
     * the working size; values outside are clamped) under {@code id}, replacing the region of that id if there is
     * one, everything else kept. A blank label is made from the id. Fails with {@link InvalidEditException} for an
     * id that is not a region name or is {@code global}.
     */
    public PhotoAnalysis withRegion(PhotoAnalysis analysis, String id, String label, float[] mask) {
        WorkingImage work = working(analysis);
        return analysis.with(measure(work, List.of(outline(work, id, label, mask))).get(0));
    }

    /**
     * What a click or a dragged box on the photo selects, as a hard 0/1 mask at the working size, ready for
     * {@link #withRegion}; empty when the selection is empty. Coordinates are fractions of the photo's width and
     * height, clamped to [0, 1].
     * <ul>
     *     <li>{@code how = "click"}: the segment under ({@code x0}, {@code y0}), grown into neighbours of similar
     *     colour with no strong edge between ({@link RegionPicker#grow}); {@code x1}, {@code y1} are not used.</li>
     *     <li>{@code how = "box"}: what stands out from the box's border inside the box from ({@code x0},
     *     {@code y0}) to ({@code x1}, {@code y1}), or the whole box over one uniform area
     *     ({@link RegionPicker#box}).</li>
     * </ul>
     * Shift-click and alt-click combine selections with {@link SoftMasks#union} and {@link SoftMasks#minus}. Fails
     * with {@link InvalidEditException}: {@code unknown_pick} for another {@code how}, {@code invalid_point} for a
     * coordinate that is not a finite number.
     */
    public Optional<float[]> pick(PhotoAnalysis analysis, String how, double x0, double y0, double x1, double y1) {
        int w = analysis.workWidth();
        int h = analysis.workHeight();
        float[] mask;
        if ("click".equals(how)) {
            int x = pixel(x0, w);
            int y = pixel(y0, h);
            mask = picker(analysis, true).grow(x, y);
        } else if ("box".equals(how)) {
            int left = pixel(x0, w);
            int top = pixel(y0, h);
            int right = pixel(x1, w);
            int bottom = pixel(y1, h);
            mask = picker(analysis, true).box(left, top, right, bottom);
        } else {
            throw new InvalidEditException("unknown_pick", "Pick with \"click\" or \"box\" (got \"" + how + "\").");
        }
        return SoftMasks.area(mask) > 0 ? Optional.of(mask) : Optional.empty();
    }

    /**
     * The region a typed name means ("sky", "the dog", "background", "segment 3", or any region id of the
     * analysis), through {@link RegionPicker#resolve}; empty when the photo has no such region. A region of the
     * analysis comes back as it is; a segment is measured and comes back under its id ({@code segment-3}) without
     * being added: {@link #withRegion} adds it.
     */
    public Optional<Region> resolve(PhotoAnalysis analysis, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return picker(analysis, false).resolve(name).map(found -> analysis.region(found.id())
                .orElseGet(() -> measure(working(analysis), List.of(found)).get(0)));
    }

    /**
     * The regions painted in their {@link #overlayColours()} on black at the working size, {@code global} left out
     * and every other region (picked selections) in white; later regions are painted over earlier ones, each in
     * proportion to its mask's weight. The page lays it over the photo with a blend mode or some opacity.
     */
    public RgbImage overlay(PhotoAnalysis analysis) {
        int n = analysis.workWidth() * analysis.workHeight();
        float[][] planes = {new float[n], new float[n], new float[n]};
        for (Region r : analysis.regions()) {
            if (r.mask() == null) {
                continue;
            }
            int colour = OVERLAY_COLOURS.getOrDefault(r.id(), OTHER_COLOUR);
            for (int c = 0; c < 3; c++) {
                float value = (colour >> (16 - 8 * c)) & 0xFF;
                float[] plane = planes[c];
                float[] mask = r.mask();
                for (int i = 0; i < n; i++) {
                    plane[i] += (value - plane[i]) * mask[i];
                }
            }
        }
        return new WorkingImage(analysis.workWidth(), analysis.workHeight(), planes[0], planes[1], planes[2])
                .rounded();
    }

    /** Region id to overlay colour ({@code 0xRRGGBB}) of every named region, for a legend; other regions are white. */
    public static Map<String, Integer> overlayColours() {
        return OVERLAY_COLOURS;
    }

    private static Map<String, Integer> overlayPalette() {
        Map<String, Integer> colours = new LinkedHashMap<>();
        colours.put(RegionFinder.SUBJECT, 0xFF8C1A);
        colours.put(RegionFinder.PERSON, 0xE6338C);
        colours.put(RegionFinder.BACKGROUND, 0x6E5AC8);
        colours.put(RegionFinder.SKY, 0x2E9BFF);
        colours.put(RegionFinder.VEGETATION, 0x3CC83C);
        colours.put(RegionFinder.WATER, 0x19D2D2);
        return Collections.unmodifiableMap(colours);
    }

    /** The regions measured in one pass over the working image. */
    private List<Region> measure(WorkingImage work, List<FoundRegion> outlines) {
        List<float[]> masks = new ArrayList<>(outlines.size());
        for (FoundRegion o : outlines) {
            masks.add(o.mask());
        }
        List<AttributeValues> raw = meter.measure(work, masks);
        List<Region> regions = new ArrayList<>(outlines.size());
        for (int i = 0; i < outlines.size(); i++) {
            FoundRegion o = outlines.get(i);
            regions.add(new Region(o.id(), o.label(), o.mask(), o.area(), raw.get(i),
                    calibration.normalize(raw.get(i))));
        }
        return regions;
    }

    /** A given mask checked and cleaned: a valid region name, the working size, weights in [0, 1] (NaN as 0). */
    private static FoundRegion outline(WorkingImage work, String id, String label, float[] mask) {
        EditState.checkRegion(id);
        if (mask == null || mask.length != work.pixelCount()) {
            throw new IllegalArgumentException("mask '" + id + "' must have " + work.width() + "x" + work.height()
                    + " weights, has " + (mask == null ? 0 : mask.length));
        }
        float[] clean = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            float v = mask[i];
            clean[i] = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
        }
        String words = label == null || label.isBlank() ? id.replace('_', ' ').replace('-', ' ') : label;
        return new FoundRegion(id, words, clean, SoftMasks.area(clean));
    }

    /**
     * A picker over the analysis's regions and segments. Segments are made from the working image when the analysis
     * came from given masks; typed names resolve without them when the analysis has no working image.
     */
    private static RegionPicker picker(PhotoAnalysis analysis, boolean needsSegments) {
        Segments segments = analysis.segments();
        if (segments == null && (needsSegments || analysis.working() != null)) {
            segments = Segments.of(working(analysis).rounded());
        }
        List<FoundRegion> regions = new ArrayList<>();
        for (Region r : analysis.regions()) {
            regions.add(new FoundRegion(r.id(), r.label(), r.mask(), r.area()));
        }
        return new RegionPicker(new FoundRegions(analysis.workWidth(), analysis.workHeight(), regions, segments));
    }

    private static WorkingImage working(PhotoAnalysis analysis) {
        if (analysis.working() == null) {
            throw new IllegalArgumentException("this analysis was put together without its working image: measuring "
                    + "and picking regions need one from RetouchEngine.analyze");
        }
        return analysis.working();
    }

    /** A fraction of the working width or height as a pixel index (the picker clamps it to the image). */
    private static int pixel(double fraction, int size) {
        if (!Double.isFinite(fraction)) {
            throw new InvalidEditException("invalid_point", "Pick coordinates must be numbers in [0, 1] (got "
                    + fraction + ").");
        }
        return (int) Math.floor(Math.max(0, Math.min(1, fraction)) * size);
    }

    /**
     * Renders the state on the photo. {@code maxSide <= 0} renders at full resolution, otherwise the long side is at
     * most {@code maxSide}. Fails with {@link InvalidEditException} ({@code unknown_region}) for a region the
     * analysis lacks.
     */
    public RenderResult render(RgbImage photo, PhotoAnalysis analysis, EditState state, int maxSide) {
        return retoucher.render(photo, analysis, state, maxSide);
    }

    public AttributeMeter meter() {
        return meter;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** Where tensors live: {@code cpu} or {@code gpu(0)}. */
    public String device() {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /** Drops what the engine remembers about recent photos and unloads the region networks. */
    @Override
    public void close() {
        retoucher.close();
        finder.close();
    }
}
