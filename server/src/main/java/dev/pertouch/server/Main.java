package dev.pertouch.server;

import dev.pertouch.server.cli.Commands;

import java.util.Arrays;
import java.util.List;

/** The one entry point: {@code pertouch [serve] [options]} or {@code pertouch COMMAND ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Models and native libraries ship with the application; nothing is ever downloaded.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("java.awt.headless", "true");
        List<String> all = Arrays.asList(args);
        boolean implicitServe = all.isEmpty() || all.get(0).startsWith("--") && !isHelp(all.get(0));
        String command = implicitServe ? "serve" : all.get(0);
        List<String> rest = implicitServe ? all : all.subList(1, all.size());
        try {
            int status = Commands.run(command, rest);
            if (status != 0) {
                System.exit(status);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("pertouch: " + e.getMessage());
            System.exit(2);
        }
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg);
    }
}
