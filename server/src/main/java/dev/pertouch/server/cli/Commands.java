package dev.pertouch.server.cli;

import dev.pertouch.server.PerTouchServer;
import dev.pertouch.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The subcommands of the {@code pertouch} command line. */
public final class Commands {
    private Commands() {
    }

    public static int run(String command, List<String> args) {
        try {
            return switch (command) {
                case "serve" -> serve(args);
                case "measure" -> MeasureCommand.run(args);
                case "retouch" -> RetouchCommand.run(args);
                case "calibrate" -> CalibrateCommand.run(args);
                case "plan" -> PlanCommand.run(args);
                case "bench" -> BenchCommand.run(args);
                case "regions" -> RegionsCommand.run(args);
                case "help", "--help", "-h" -> {
                    System.out.print(usage());
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown command '" + command + "'. Try 'pertouch help'.");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static String usage() {
        return """
                Usage: pertouch [serve] [options]               run the web server (the default)
                       pertouch measure IN [--mask M]            attributes of a photo (or a masked part), as JSON
                       pertouch retouch IN --state JSON|@FILE -o OUT
                                                                 render an edit state at full resolution
                       pertouch regions IN [--json] [--overlay OUT.png]
                                                                 the regions found in a photo
                       pertouch calibrate DIR -o TABLE           build a calibration table from reference photos
                       pertouch plan "instruction" [--image IN]  the agent's decision, as JSON
                       pertouch bench [--runs N] [--photo F] [--imagemagick] [--soak] [--engine-only]
                                                                 measure the figures of docs/BENCHMARKS.md
                       pertouch help                             this text

                Options of serve (each also an environment variable):
                """ + ServerConfig.usage();
    }

    private static int serve(List<String> args) {
        if (args.contains("--help")) {
            System.out.print(usage());
            return 0;
        }
        ServerConfig config = ServerConfig.from(args, System.getenv());
        PerTouchServer server = PerTouchServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pertouch-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
