package dev.pertouch.server.cli;

import dev.pertouch.server.PerTouchServer;
import dev.pertouch.server.ServerConfig;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The subcommands of the {@code pertouch} command line. */
public final class Commands {
    private Commands() {
    }

    public static int run(String command, List<String> args) {
        switch (command) {
            case "serve":
                return serve(args);
            case "help":
            case "--help":
            case "-h":
                System.out.print(usage());
                return 0;
            default:
                throw new IllegalArgumentException("unknown command '" + command + "'. Try 'pertouch help'.");
        }
    }

    static String usage() {
        return """
                Usage: pertouch [serve] [options]      run the web server (the default)
                       pertouch help                    this text

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
