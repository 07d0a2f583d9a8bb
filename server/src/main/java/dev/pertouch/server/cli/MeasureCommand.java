package dev.pertouch.server.cli;

import dev.pertouch.inference.AttributeMeter;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.Calibration;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code measure IN [--mask M]}: the four attributes of a photo (or of a masked part), raw and normalized. */
final class MeasureCommand {
    private MeasureCommand() {
    }

    static int run(List<String> args) {
        Arguments a = new Arguments(args, Set.of("--mask"), Set.of());
        Path in = Path.of(a.positional(0, "the photo to measure"));
        RgbImage photo = PhotoFiles.read(in);
        WorkingImage working = WorkingImage.of(photo);
        float[] weights = a.option("--mask").map(m -> maskWeights(Path.of(m), working)).orElse(null);
        AttributeValues raw = new AttributeMeter().measure(working, weights);
        AttributeValues normalized = Calibration.bundled().normalize(raw);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", in.toString());
        out.put("width", photo.width());
        out.put("height", photo.height());
        out.put("workingSize", List.of(working.width(), working.height()));
        a.option("--mask").ifPresent(m -> out.put("mask", m));
        out.put("raw", Json.values(raw, 4));
        out.put("normalized", Json.values(normalized, 4));
        Json.print(out);
        return 0;
    }

    /** A mask image of any size, scaled to the working image; white is in the region, black is out. */
    private static float[] maskWeights(Path file, WorkingImage working) {
        RgbImage mask = Resampler.resize(PhotoFiles.read(file), working.width(), working.height());
        float[] weights = new float[working.pixelCount()];
        int[] px = mask.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            weights[i] = ((p >> 16 & 255) + (p >> 8 & 255) + (p & 255)) / (3 * 255f);
        }
        return weights;
    }
}
