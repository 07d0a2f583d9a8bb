package dev.pertouch.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the server can be told, from flags ({@code --port 8080}, {@code --data-dir=/srv}) or the
 * environment ({@code PERTOUCH_PORT}, {@code PERTOUCH_DATA_DIR}); flags win. The defaults run everything
 * embedded on 127.0.0.1:7860 with data under ./data.
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        long maxUploadBytes,
        long maxPixels,
        int workers,
        int queueCapacity,
        int renderTimeoutSeconds,
        int retentionDays,
        String secret,
        Set<String> allowedHosts,
        String vlmBaseUrl,
        String vlmModel,
        String vlmApiKey) {

    /** The settings a user can give, each as a flag and as an environment variable. */
    public enum Setting {
        HOST("127.0.0.1", "interface to bind; 0.0.0.0 for all"),
        PORT("7860", "TCP port"),
        DATA_DIR("data", "directory for the database and stored photos"),
        DB_URL("", "JDBC URL; empty: an H2 file database under the data directory"),
        DB_USER("", "database user"),
        DB_PASSWORD("", "database password"),
        MAX_UPLOAD_MB("25", "largest accepted upload, in megabytes"),
        MAX_MEGAPIXELS("50", "largest accepted photo, in megapixels"),
        WORKERS(String.valueOf(Runtime.getRuntime().availableProcessors()), "render workers"),
        QUEUE("16", "render jobs that may wait before the server answers 'busy'"),
        RENDER_TIMEOUT_S("30", "deadline of one render job, in seconds"),
        RETENTION_DAYS("30", "days an unused anonymous identity and its photos are kept; 0 keeps them forever"),
        SECRET("", "key that signs identity cookies; empty: generated once and kept in the data directory"),
        ALLOWED_HOSTS("", "comma-separated Host header values to accept; empty: any"),
        VLM_BASE_URL("", "OpenAI-compatible endpoint (vLLM, Ollama, hosted) for the agent; empty: the offline model"),
        VLM_MODEL("", "model name at that endpoint"),
        VLM_API_KEY("", "API key for that endpoint; never logged");

        private final String defaultValue;
        private final String help;

        Setting(String defaultValue, String help) {
            this.defaultValue = defaultValue;
            this.help = help;
        }

        public String env() {
            return "PERTOUCH_" + name();
        }

        public String flag() {
            return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String help() {
            return help;
        }
    }

    public static ServerConfig defaults() {
        return from(List.of(), Map.of());
    }

    /** Reads flags first, then the environment, then the defaults. Unknown flags are refused. */
    public static ServerConfig from(List<String> args, Map<String, String> env) {
        Map<Setting, String> given = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Setting setting = settingForFlag(name)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown option " + arg + ". Try --help."));
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("Option " + name + " needs a value.");
                }
                value = args.get(++i);
            }
            given.put(setting, value);
        }
        java.util.function.Function<Setting, String> get = s -> Optional.ofNullable(given.get(s))
                .or(() -> Optional.ofNullable(env.get(s.env())))
                .orElse(s.defaultValue()).trim();
        return new ServerConfig(
                get.apply(Setting.HOST),
                intIn(get.apply(Setting.PORT), Setting.PORT, 0, 65535),
                Path.of(get.apply(Setting.DATA_DIR)).toAbsolutePath().normalize(),
                get.apply(Setting.DB_URL),
                get.apply(Setting.DB_USER),
                get.apply(Setting.DB_PASSWORD),
                intIn(get.apply(Setting.MAX_UPLOAD_MB), Setting.MAX_UPLOAD_MB, 1, 1024) * 1024L * 1024L,
                intIn(get.apply(Setting.MAX_MEGAPIXELS), Setting.MAX_MEGAPIXELS, 1, 400) * 1_000_000L,
                intIn(get.apply(Setting.WORKERS), Setting.WORKERS, 1, 256),
                intIn(get.apply(Setting.QUEUE), Setting.QUEUE, 1, 10_000),
                intIn(get.apply(Setting.RENDER_TIMEOUT_S), Setting.RENDER_TIMEOUT_S, 1, 3600),
                intIn(get.apply(Setting.RETENTION_DAYS), Setting.RETENTION_DAYS, 0, 36_500),
                get.apply(Setting.SECRET),
                Set.of(get.apply(Setting.ALLOWED_HOSTS).split("\\s*,\\s*")).stream()
                        .filter(h -> !h.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                get.apply(Setting.VLM_BASE_URL),
                get.apply(Setting.VLM_MODEL),
                get.apply(Setting.VLM_API_KEY));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, dbUrl, dbUser, dbPassword, maxUploadBytes, maxPixels, workers,
                queueCapacity, renderTimeoutSeconds, retentionDays, secret, allowedHosts, vlmBaseUrl, vlmModel, vlmApiKey);
    }

    public static String usage() {
        StringBuilder sb = new StringBuilder();
        for (Setting s : Setting.values()) {
            sb.append(String.format("  %-20s %-26s %s (default: %s)%n", s.flag() + " V", s.env(), s.help(),
                    s.defaultValue().isEmpty() ? "none" : s.defaultValue()));
        }
        return sb.toString();
    }

    private static Optional<Setting> settingForFlag(String flag) {
        for (Setting s : Setting.values()) {
            if (s.flag().equals(flag)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static int intIn(String value, Setting s, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new IllegalArgumentException(s.flag() + " must be between " + min + " and " + max + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.flag() + " must be a whole number (got '" + value + "').");
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", db="
                + (dbUrl.isEmpty() ? "h2 file" : dbUrl.replaceAll("password=[^&;]*", "password=***"))
                + ", workers=" + workers + ", queue=" + queueCapacity + ", agent="
                + (vlmBaseUrl.isEmpty() ? "offline" : vlmModel + " at " + vlmBaseUrl) + "]";
    }
}
