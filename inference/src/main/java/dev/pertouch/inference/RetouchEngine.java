package dev.pertouch.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;
import dev.pertouch.inference.render.ParametricRetoucher;
import dev.pertouch.inference.render.Retoucher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inference side of PerTouch in one object: measures photos and renders edit states with the embedded
 * parametric retoucher on DJL's PyTorch engine. One instance serves the whole process; every method may be called
 * from several threads at once.
 */
public final class RetouchEngine implements AutoCloseable {
    private static final String OFFLINE = "ai.djl.offline";
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private final AttributeMeter meter;
    private final Calibration calibration;
    private final Device device;
    private final Retoucher retoucher;

    private RetouchEngine(AttributeMeter meter, Calibration calibration, Device device) {
        this.meter = meter;
        this.calibration = calibration;
        this.device = device;
        this.retoucher = new ParametricRetoucher(meter, calibration, device);
    }

    /**
     * Loads libtorch and the calibration table. libtorch comes from the Maven artifact on the class path, and DJL is
     * kept offline ({@value #OFFLINE}) unless the process says otherwise, so nothing is downloaded. Each tensor
     * operation runs on one thread unless {@value #THREADS} says otherwise: renders already run their strips and
     * the server its jobs in parallel, and libtorch's own thread pool only adds waiting on a small shared machine.
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
        Engine engine = Engine.getEngine(ParametricRetoucher.ENGINE);
        Device device = config.preferGpu() && engine.getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
        return new RetouchEngine(new AttributeMeter(), calibration, device);
    }

    /** The photo's regions (just {@code global}) and their own values. */
    public PhotoAnalysis analyze(RgbImage photo) {
        return analyze(photo, Map.of());
    }

    /**
     * The photo's regions: {@code global} and one per extra mask, in the map's iteration order. Masks are soft, in
     * [0, 1], at the working size ({@link WorkingImage#sizeFor(int, int)}); values outside [0, 1] are clamped.
     */
    public PhotoAnalysis analyze(RgbImage photo, Map<String, float[]> extraMasks) {
        WorkingImage work = WorkingImage.of(photo);
        List<Region> regions = new ArrayList<>();
        regions.add(region(work, EditState.GLOBAL, "whole photo", null));
        for (Map.Entry<String, float[]> e : extraMasks.entrySet()) {
            String id = e.getKey();
            if (EditState.GLOBAL.equals(id) || regions.stream().anyMatch(r -> r.id().equals(id))) {
                throw new InvalidEditException("duplicate_region", "Region '" + id + "' is given twice.");
            }
            EditState.checkRegion(id);
            float[] mask = e.getValue();
            if (mask == null || mask.length != work.pixelCount()) {
                throw new IllegalArgumentException("mask '" + id + "' must have " + work.width() + "x" + work.height()
                        + " weights, has " + (mask == null ? 0 : mask.length));
            }
            float[] clean = new float[mask.length];
            for (int i = 0; i < mask.length; i++) {
                float v = mask[i];
                clean[i] = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
            }
            regions.add(region(work, id, id.replace('_', ' ').replace('-', ' '), clean));
        }
        return new PhotoAnalysis(photo.width(), photo.height(), work.width(), work.height(), regions);
    }

    private Region region(WorkingImage work, String id, String label, float[] mask) {
        double area = 1;
        if (mask != null) {
            double sum = 0;
            for (float v : mask) {
                sum += v;
            }
            area = sum / mask.length;
        }
        AttributeValues raw = meter.measure(work, mask);
        return new Region(id, label, mask, area, raw, calibration.normalize(raw));
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

    /** Drops what the engine remembers about recent photos; renders hold no native memory between calls. */
    @Override
    public void close() {
        retoucher.close();
    }
}
