package dev.pertouch.server.cli;

import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code regions IN [--json] [--overlay OUT.png]}: the regions the engine finds in a photo, each with its area and
 * normalized attributes; the overlay is the photo at working size with each region's colour laid over it.
 */
final class RegionsCommand {
    private RegionsCommand() {
    }

    static int run(List<String> args) {
        Arguments a = new Arguments(args, Set.of("--overlay"), Set.of("--json"));
        Path in = Path.of(a.positional(0, "the photo"));
        RgbImage photo = PhotoFiles.read(in);
        try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
            long start = System.nanoTime();
            PhotoAnalysis analysis = engine.analyze(photo);
            long millis = (System.nanoTime() - start) / 1_000_000;
            a.option("--overlay").ifPresent(out -> PhotoFiles.write(blend(photo, engine.overlay(analysis)), Path.of(out)));
            if (a.flag("--json")) {
                List<Map<String, Object>> regions = new ArrayList<>();
                for (Region r : analysis.regions()) {
                    Map<String, Object> region = new LinkedHashMap<>();
                    region.put("id", r.id());
                    region.put("label", r.label());
                    region.put("area", Math.round(r.area() * 10_000) / 10_000.0);
                    region.put("attributes", Json.values(r.normalized(), 3));
                    region.put("raw", Json.values(r.raw(), 3));
                    regions.add(region);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", in.toString());
                out.put("width", photo.width());
                out.put("height", photo.height());
                out.put("millis", millis);
                out.put("regions", regions);
                Json.print(out);
            } else {
                System.out.printf(Locale.ROOT, "%s: %dx%d, %d regions in %d ms%n", in, photo.width(), photo.height(),
                        analysis.regions().size(), millis);
                Map<String, Integer> colours = RetouchEngine.overlayColours();
                for (Region r : analysis.regions()) {
                    System.out.printf(Locale.ROOT, "  %-12s %5.1f%%  %s%s%n", r.id(), r.area() * 100,
                            Json.values(r.normalized(), 2), colours.containsKey(r.id())
                                    ? String.format("  overlay #%06x", colours.get(r.id())) : "");
                }
            }
        }
        return 0;
    }

    /** The photo at working size with the overlay's colours mixed in at half strength where they are. */
    private static RgbImage blend(RgbImage photo, RgbImage overlay) {
        WorkingImage.Size size = WorkingImage.sizeFor(photo.width(), photo.height());
        RgbImage base = Resampler.resize(photo, size.width(), size.height());
        int[] px = new int[base.pixels().length];
        for (int i = 0; i < px.length; i++) {
            int o = overlay.pixels()[i];
            int b = base.pixels()[i];
            px[i] = o == 0 ? b : mix(b >> 16 & 255, o >> 16 & 255) << 16 | mix(b >> 8 & 255, o >> 8 & 255) << 8
                    | mix(b & 255, o & 255);
        }
        return new RgbImage(size.width(), size.height(), px);
    }

    private static int mix(int a, int b) {
        return (a + b) / 2;
    }
}
