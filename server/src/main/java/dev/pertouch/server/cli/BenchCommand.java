package dev.pertouch.server.cli;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.bench.EngineBenchmark;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.pool.InferencePool;
import dev.pertouch.inference.pool.PoolBusyException;
import dev.pertouch.server.Main;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bench}: the figures docs/BENCHMARKS.md reports, measured on this machine. Engine: preview and 12-MP
 * renders of a six-region edit. Server, over HTTP on loopback: cold start to the first page, and
 * upload-to-first-render for a 12-MP JPEG and a 1024-pixel one. With {@code --imagemagick}: a batch of 20
 * 12-MP JPEGs against ImageMagick's {@code mogrify}. With {@code --soak}: memory over 1,000 pool jobs.
 */
final class BenchCommand {
    private static final Path DEFAULT_PHOTO = Path.of("testdata", "photos", "picos.jpg");

    private BenchCommand() {
    }

    static int run(List<String> args) throws IOException, InterruptedException {
        Arguments a = new Arguments(args, Set.of("--runs", "--photo"),
                Set.of("--imagemagick", "--engine-only", "--soak"));
        int runs = Integer.parseInt(a.option("--runs").orElse("11"));
        Path photoFile = Path.of(a.option("--photo").orElse(DEFAULT_PHOTO.toString()));
        if (!Files.isRegularFile(photoFile)) {
            throw new IllegalArgumentException(photoFile + " not found: run from the repository root or pass --photo.");
        }
        RgbImage photo = PhotoFiles.read(photoFile);
        Path work = Files.createTempDirectory("pertouch-bench");
        System.out.printf(Locale.ROOT, "PerTouch-J bench on %d cores, Java %s, photo %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), photoFile);
        try {
            try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
                System.out.println("Engine: " + EngineBenchmark.run(engine, photo, runs).describe());
                System.out.printf(Locale.ROOT, "Regions: all regions of a 12-MP photo, median of %d: %.0f ms%n", runs,
                        EngineBenchmark.regionsMillis(engine, EngineBenchmark.twelveMegapixels(photo), runs));
                if (a.flag("--soak")) {
                    soak(engine, photo, 1000);
                }
                if (a.flag("--imagemagick")) {
                    List<Path> jpegs = EngineBenchmark.twelveMegapixelJpegs(referencePhotos(photoFile), 20,
                            work.resolve("batch"));
                    System.out.println("Batch: " + EngineBenchmark.compareWithImageMagick(engine, jpegs,
                            work.resolve("out")).describe());
                }
            }
            if (!a.flag("--engine-only")) {
                server(photo, work, Math.max(3, runs / 2));
            }
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    private static void server(RgbImage photo, Path work, int runs) throws IOException, InterruptedException {
        byte[] twelve = Files.readAllBytes(EngineBenchmark.twelveMegapixelJpegs(List.of(photo), 1,
                work.resolve("upload")).get(0));
        RgbImage small = Resampler.resize(photo, 1024, Math.max(1, photo.height() * 1024 / photo.width()));
        byte[] preview = ImageCodec.encodeJpeg(small, 0.9f);
        System.out.printf(Locale.ROOT, "Server: upload-to-first-render, median of %d: 12-MP JPEG (%.1f MB) %s, "
                        + "1024-px JPEG %s%n", runs, twelve.length / 1e6,
                ServerBenchmark.format(ServerBenchmark.uploadToFirstRenderMillis(twelve, work.resolve("u12"), runs)),
                ServerBenchmark.format(ServerBenchmark.uploadToFirstRenderMillis(preview, work.resolve("u1k"), runs)));
        Path jar = ownJar();
        if (jar == null) {
            System.out.println("Server: cold start not measured (run from the packaged jar: ./pertouch bench).");
        } else {
            System.out.println("Server: cold start to first served page, median of 3: "
                    + ServerBenchmark.format(ServerBenchmark.coldStartMillis(jar, work.resolve("cold"), 3)));
        }
    }

    /**
     * Runs {@code jobs} preview renders through the inference pool, as the server does, and reports the heap in
     * use after garbage collection and the process's resident memory, before and after: neither should grow.
     */
    private static void soak(RetouchEngine engine, RgbImage photo, int jobs) throws InterruptedException {
        PhotoAnalysis analysis = engine.analyze(photo);
        EditState[] states = {
                EditState.empty().with(EditState.GLOBAL, Attribute.BRIGHTNESS, 0.2, analysis.baseline()),
                EditState.empty().with(EditState.GLOBAL, Attribute.CONTRAST, -0.2, analysis.baseline())};
        try (InferencePool pool = new InferencePool(Runtime.getRuntime().availableProcessors(), jobs)) {
            long[] before = null;
            for (int i = 0; i < jobs; i++) {
                EditState state = states[i % 2];
                try {
                    pool.submit("soak", Duration.ofSeconds(60), ctx -> engine.render(photo, analysis, state, 512))
                            .result().join();
                } catch (PoolBusyException e) {
                    throw new IllegalStateException("the soak queue is as long as the job count", e);
                }
                if (i == 99) {
                    before = memory();
                }
            }
            long[] after = memory();
            System.out.printf(Locale.ROOT, "Pool: %d preview jobs; from job 100 to %d, heap after GC %.0f -> %.0f MB, "
                            + "resident %.0f -> %.0f MB%n", jobs, jobs, before[0] / 1e6, after[0] / 1e6,
                    before[1] / 1e6, after[1] / 1e6);
        }
    }

    /** Heap in use after a collection, and resident set size (heap and native), in bytes. */
    private static long[] memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long rss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            rss = -1;
        }
        return new long[] {rt.totalMemory() - rt.freeMemory(), rss};
    }

    private static List<RgbImage> referencePhotos(Path photo) throws IOException {
        List<RgbImage> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(photo.toAbsolutePath().getParent())) {
            for (Path f : files.filter(PhotoFiles::isPhoto).sorted().limit(5).toList()) {
                photos.add(PhotoFiles.read(f));
            }
        }
        return photos;
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
