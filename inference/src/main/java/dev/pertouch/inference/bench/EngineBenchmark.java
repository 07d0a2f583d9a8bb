package dev.pertouch.inference.bench;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The retouch engine's figures: a 1024-pixel preview and a 12-megapixel render of the same edit (six regions, four
 * attributes each), medians over repeated runs, with the process's peak extra memory; and a batch of 12-megapixel
 * JPEGs retouched here (decode, region-aware render, encode) against ImageMagick's {@code mogrify} with a global
 * {@code -modulate} and {@code -brightness-contrast} on the same files; and the time to find and measure all regions
 * of a 12-megapixel photo.
 *
 * <p>Successive runs alternate between two edits a small step apart, as a slider sends them, so every run solves
 * anew; what the engine keeps per photo and regions (working image, feathered layers at the preview size) is made in
 * the warm-up runs, as it is on the first render after an upload.
 */
public final class EngineBenchmark {
    public static final int PREVIEW_SIDE = 1024;
    public static final long FULL_PIXELS = 12_000_000L;
    public static final int REGIONS = 6;
    private static final int WARM_UP = 2;
    private static final float JPEG_QUALITY = 0.9f;

    private EngineBenchmark() {
    }

    /** Medians in milliseconds; {@code peakExtraBytes} is the most the process grew during the full renders. */
    public record Figures(String device, int previewWidth, int previewHeight, double previewMillis, int fullWidth,
                          int fullHeight, double fullMillis, long peakExtraBytes, int runs) {
        public String describe() {
            return String.format(Locale.ROOT, "device %s, %d regions x %d attributes, median of %d runs%n"
                            + "  preview %dx%d: %.1f ms%n  full %dx%d (%.1f MP): %.1f ms, peak extra memory %.0f MB",
                    device, REGIONS, Attribute.values().length, runs, previewWidth, previewHeight, previewMillis,
                    fullWidth, fullHeight, fullWidth * (double) fullHeight / 1e6, fullMillis, peakExtraBytes / 1e6);
        }
    }

    /** Seconds for the same batch both ways; {@link #ratio()} above 1 means this engine got through it faster. */
    public record Batch(int photos, int width, int height, double engineSeconds, double imageMagickSeconds) {
        public double ratio() {
            return imageMagickSeconds / engineSeconds;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%d JPEGs of %dx%d: this engine %.1f s (%.2f photos/s), "
                            + "mogrify %.1f s (%.2f photos/s), throughput ratio %.2f",
                    photos, width, height, engineSeconds, photos / engineSeconds, imageMagickSeconds,
                    photos / imageMagickSeconds, ratio());
        }
    }

    /**
     * Measures preview and full renders of {@code photo} brought to about 12 megapixels (aspect kept). Runs are
     * counted after two warm-up runs of each kind.
     */
    public static Figures run(RetouchEngine engine, RgbImage photo, int runs) {
        RgbImage full = twelveMegapixels(photo);
        PhotoAnalysis analysis = engine.analyze(full, regions(full));
        EditState[] edits = {edit(analysis, 0.1), edit(analysis, 0.15)};
        int[] previewSize = new int[2];
        double preview = median(runs, i -> {
            RgbImage image = engine.render(full, analysis, edits[i % 2], PREVIEW_SIDE).image();
            previewSize[0] = image.width();
            previewSize[1] = image.height();
        });
        System.gc();
        MemoryPeak peak = MemoryPeak.start();
        double fullMillis = median(runs, i -> engine.render(full, analysis, edits[i % 2], 0));
        long extra = peak.stop();
        return new Figures(engine.device(), previewSize[0], previewSize[1], preview, full.width(), full.height(),
                fullMillis, extra, runs);
    }

    /**
     * Median milliseconds {@link RetouchEngine#analyze(RgbImage)} takes on a 12-megapixel photo: the shrink to the
     * working size, every named region, their measurements, and what renders reuse of the photo, all of which an
     * upload waits for. Each run analyses a fresh copy of the photo, so nothing the engine kept from an earlier run
     * is reused; copies are made outside the timing. Counted after two warm-up runs.
     */
    public static double regionsMillis(RetouchEngine engine, RgbImage photo12mp, int runs) {
        RgbImage[] copy = new RgbImage[1];
        return median(runs, i -> copy[0] = new RgbImage(photo12mp.width(), photo12mp.height(),
                photo12mp.pixels().clone()), i -> engine.analyze(copy[0]));
    }

    /**
     * Writes {@code count} JPEGs of about 12 megapixels made from the given photos (enlarged, cycling through them)
     * into {@code dir}, for {@link #compareWithImageMagick}.
     */
    public static List<Path> twelveMegapixelJpegs(List<RgbImage> photos, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "photo-%02d.jpg", i));
            Files.write(file, ImageCodec.encodeJpeg(twelveMegapixels(photos.get(i % photos.size())), JPEG_QUALITY));
            files.add(file);
        }
        return files;
    }

    /**
     * Retouches the JPEGs here (decode, six regions, render at full resolution, encode) and with {@code mogrify}
     * (global {@code -modulate 105,120,100 -brightness-contrast 5x10}), each into its own folder under
     * {@code workDir}, and times both. This engine runs one photo per core at a time, as the server's worker pool
     * does; {@code mogrify} goes through the files in turn with its own threads. Needs ImageMagick's
     * {@code mogrify} on the path.
     */
    public static Batch compareWithImageMagick(RetouchEngine engine, List<Path> jpegs, Path workDir)
            throws IOException, InterruptedException {
        Path ours = Files.createDirectories(workDir.resolve("pertouch"));
        Path theirs = Files.createDirectories(workDir.resolve("mogrify"));
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<int[]>> sizes = new ArrayList<>();
        long start = System.nanoTime();
        for (Path file : jpegs) {
            sizes.add(pool.submit(() -> retouch(engine, file, ours.resolve(file.getFileName()))));
        }
        int[] size = {0, 0};
        try {
            for (Future<int[]> f : sizes) {
                size = f.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("retouching the batch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        double engineSeconds = (System.nanoTime() - start) / 1e9;
        List<String> command = new ArrayList<>(List.of("mogrify", "-path", theirs.toString(),
                "-quality", String.valueOf(Math.round(JPEG_QUALITY * 100)),
                "-modulate", "105,120,100", "-brightness-contrast", "5x10"));
        jpegs.forEach(p -> command.add(p.toString()));
        start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("mogrify failed: " + output);
        }
        double imageMagickSeconds = (System.nanoTime() - start) / 1e9;
        return new Batch(jpegs.size(), size[0], size[1], engineSeconds, imageMagickSeconds);
    }

    /** Decodes, retouches six regions at full resolution and encodes one JPEG; returns its width and height. */
    private static int[] retouch(RetouchEngine engine, Path in, Path out) throws IOException {
        RgbImage photo;
        try {
            photo = ImageCodec.decode(Files.readAllBytes(in), DecodeLimits.defaults()).image();
        } catch (ImageRejectedException e) {
            throw new IOException(in + ": " + e.getMessage(), e);
        }
        PhotoAnalysis analysis = engine.analyze(photo, regions(photo));
        RgbImage retouched = engine.render(photo, analysis, edit(analysis, 0.1), 0).image();
        Files.write(out, ImageCodec.encodeJpeg(retouched, JPEG_QUALITY));
        return new int[] {photo.width(), photo.height()};
    }

    /** Six discs on a 3 x 2 grid, apart from each other, at the working size. */
    static Map<String, float[]> regions(RgbImage photo) {
        WorkingImage.Size size = WorkingImage.sizeFor(photo.width(), photo.height());
        int w = size.width();
        int h = size.height();
        Map<String, float[]> masks = new LinkedHashMap<>();
        for (int k = 0; k < REGIONS; k++) {
            float[] m = new float[w * h];
            double cx = w * (0.2 + 0.3 * (k % 3));
            double cy = h * (0.28 + 0.44 * (k / 3));
            double r = 0.12 * Math.min(w, 1.5 * h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < r) {
                        m[y * w + x] = 1f;
                    }
                }
            }
            masks.put("region-" + k, m);
        }
        return masks;
    }

    /** Every region's four attributes moved by {@code step} from the photo's own values, towards the middle. */
    static EditState edit(PhotoAnalysis analysis, double step) {
        EditState state = EditState.empty();
        for (int k = 0; k < REGIONS; k++) {
            String id = "region-" + k;
            AttributeValues own = analysis.region(id).orElseThrow().normalized();
            for (Attribute a : Attribute.values()) {
                double v = own.get(a);
                double target = Math.max(-0.95, Math.min(0.95, v - Math.copySign(step, v)));
                state = state.with(id, a, target, analysis.baseline());
            }
        }
        return state;
    }

    /** The photo enlarged or shrunk to about {@value #FULL_PIXELS} pixels, its aspect kept. */
    public static RgbImage twelveMegapixels(RgbImage photo) {
        double scale = Math.sqrt(FULL_PIXELS / (double) photo.pixelCount());
        int w = (int) Math.round(photo.width() * scale);
        int h = (int) Math.round(photo.height() * scale);
        return Resampler.resize(photo, w, h);
    }

    private interface Run {
        void run(int index);
    }

    private static double median(int runs, Run run) {
        return median(runs, i -> { }, run);
    }

    /** The median over {@code runs} timed runs after the warm-up; {@code setUp} goes before each run, untimed. */
    private static double median(int runs, Run setUp, Run run) {
        for (int i = 0; i < WARM_UP; i++) {
            setUp.run(i);
            run.run(i);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            setUp.run(i);
            long t = System.nanoTime();
            run.run(i);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    }

    /**
     * The process's resident memory above where it was at the start (Java heap and native memory alike), sampled
     * every few milliseconds; on Linux the kernel's own high-water mark is reset and read too, so no short peak is
     * missed.
     */
    private static final class MemoryPeak {
        private static final Path STATUS = Path.of("/proc/self/status");
        private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
        private final long before;
        private final boolean kernelMark;
        private final AtomicLong highest = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler;

        private MemoryPeak() {
            before = status("VmRSS:");
            kernelMark = resetKernelMark();
            highest.set(before);
            sampler = new Thread(() -> {
                while (running.get()) {
                    highest.accumulateAndGet(status("VmRSS:"), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        static MemoryPeak start() {
            return new MemoryPeak();
        }

        long stop() {
            running.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long peak = highest.get();
            if (kernelMark) {
                peak = Math.max(peak, status("VmHWM:"));
            }
            return Math.max(0, peak - before);
        }

        private static boolean resetKernelMark() {
            try {
                Files.writeString(CLEAR_REFS, "5");
                return true;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }

        /** A memory line of /proc/self/status in bytes, or 0 where there is none. */
        private static long status(String key) {
            try {
                for (String line : Files.readAllLines(STATUS)) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }
}
