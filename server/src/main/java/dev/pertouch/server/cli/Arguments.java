package dev.pertouch.server.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Positional arguments and {@code --name value} options of one subcommand; unknown options are refused. */
final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags;

    Arguments(List<String> args, Set<String> valued, Set<String> flags) {
        this.flags = flags;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-") && arg.length() > 1) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (flags.contains(name)) {
                    options.put(name, "true");
                } else if (valued.contains(name)) {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new IllegalArgumentException(name + " needs a value.");
                    }
                    options.put(name, value);
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + ".");
                }
            } else {
                positional.add(arg);
            }
        }
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new IllegalArgumentException("missing " + what + ".");
        }
        return positional.get(index);
    }

    int positionalCount() {
        return positional.size();
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new IllegalArgumentException("missing " + name + "."));
    }

    boolean flag(String name) {
        if (!flags.contains(name)) {
            throw new IllegalStateException(name + " is not a flag of this command");
        }
        return options.containsKey(name);
    }
}
