package dev.pertouch.inference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The four PerTouch attributes, in parameter-map channel order. Each has the name users see and the
 * words people use for it.
 */
public enum Attribute {
    COLORFULNESS("colorfulness", List.of("colourfulness", "saturation", "vibrance", "color", "colour", "chroma")),
    CONTRAST("contrast", List.of()),
    TEMPERATURE("temperature", List.of("warmth", "white balance", "white_balance", "tint")),
    BRIGHTNESS("brightness", List.of("exposure", "lightness", "light"));

    private static final Map<String, Attribute> BY_NAME = buildIndex();

    private final String key;
    private final List<String> aliases;

    Attribute(String key, List<String> aliases) {
        this.key = key;
        this.aliases = aliases;
    }

    /** The name used in JSON, on the page and on the command line. */
    public String key() {
        return key;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Resolves a name or alias, case-insensitively. */
    public static Optional<Attribute> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Resolves a name or alias, or fails with a message listing the known names. */
    public static Attribute parse(String name) {
        return find(name).orElseThrow(() -> new InvalidEditException("unknown_attribute",
                "Unknown attribute '" + name + "'. Known attributes: " + Arrays.toString(keys()) + "."));
    }

    public static String[] keys() {
        return Arrays.stream(values()).map(Attribute::key).toArray(String[]::new);
    }

    private static Map<String, Attribute> buildIndex() {
        var index = new java.util.HashMap<String, Attribute>();
        for (Attribute a : values()) {
            index.put(a.key, a);
            for (String alias : a.aliases) {
                index.put(alias, a);
            }
        }
        return Map.copyOf(index);
    }
}
