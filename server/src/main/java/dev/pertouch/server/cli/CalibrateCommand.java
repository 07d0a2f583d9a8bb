package dev.pertouch.server.cli;

import dev.pertouch.inference.Calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code calibrate DIR -o TABLE}: builds the quantile table that normalizes attributes from a folder of
 * well-retouched photos (see docs/CALIBRATION.md).
 */
final class CalibrateCommand {
    private CalibrateCommand() {
    }

    static int run(List<String> args) throws IOException {
        Arguments a = new Arguments(args, Set.of("-o", "--out"), Set.of());
        Path dir = Path.of(a.positional(0, "the folder of reference photos"));
        Path out = Path.of(a.option("-o").or(() -> a.option("--out"))
                .orElseThrow(() -> new IllegalArgumentException("missing -o TABLE.")));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(PhotoFiles::isPhoto).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no JPEG or PNG photos in " + dir + ".");
        }
        Calibration table = Calibration.buildFromFiles(files, dir.getFileName().toString());
        table.write(out);
        Json.print(Map.of("out", out.toString(), "photos", files.size(), "samples", table.samples()));
        return 0;
    }
}
