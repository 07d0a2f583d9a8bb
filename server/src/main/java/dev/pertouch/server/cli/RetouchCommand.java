package dev.pertouch.server.cli;

import dev.pertouch.inference.EditState;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RenderResult;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code retouch IN --state JSON|@FILE -o OUT}: renders an edit state at full resolution. */
final class RetouchCommand {
    private RetouchCommand() {
    }

    static int run(List<String> args) throws IOException {
        Arguments a = new Arguments(args, Set.of("--state", "-o", "--out"), Set.of());
        Path in = Path.of(a.positional(0, "the photo to retouch"));
        Path out = Path.of(a.option("-o").or(() -> a.option("--out"))
                .orElseThrow(() -> new IllegalArgumentException("missing -o OUT.")));
        String spec = a.required("--state");
        EditState state = EditState.fromJson(spec.startsWith("@") ? Files.readString(Path.of(spec.substring(1))) : spec);

        RgbImage photo = PhotoFiles.read(in);
        try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
            PhotoAnalysis analysis = engine.analyze(photo);
            analysis.checkRegions(state);
            long start = System.nanoTime();
            RenderResult result = engine.render(photo, analysis, state, 0);
            long millis = (System.nanoTime() - start) / 1_000_000;
            PhotoFiles.write(result.image(), out);

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("out", out.toString());
            report.put("state", state.toMap());
            Map<String, Object> measured = new LinkedHashMap<>();
            result.measured().forEach((region, v) -> measured.put(region, Json.values(v, 3)));
            report.put("measured", measured);
            report.put("notes", result.notes());
            report.put("renderMillis", millis);
            report.put("device", engine.device());
            Json.print(report);
        }
        return 0;
    }
}
