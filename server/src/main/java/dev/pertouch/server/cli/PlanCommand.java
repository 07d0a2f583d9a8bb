package dev.pertouch.server.cli;

import dev.pertouch.agent.PhotoContext;
import dev.pertouch.agent.RetouchAgent;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.RetouchEngine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code plan "instruction" [--image IN]}: the agent's decision as JSON, without rendering anything. */
final class PlanCommand {
    private PlanCommand() {
    }

    static int run(List<String> args) {
        Arguments a = new Arguments(args, Set.of("--image"), Set.of());
        String text = a.positional(0, "the instruction, in quotes");
        PhotoContext context = a.option("--image").map(PlanCommand::context).orElseGet(PhotoContext::withoutPhoto);
        System.out.println(RetouchAgent.offline().instruct(text, EditState.empty(), context).planJson());
        return 0;
    }

    private static PhotoContext context(String image) {
        try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
            PhotoAnalysis analysis = engine.analyze(PhotoFiles.read(Path.of(image)));
            return new PhotoContext(analysis.regions().stream().map(Region::id).collect(Collectors.toSet()),
                    analysis.baseline());
        }
    }
}
