package dev.pertouch.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * PerTouch's edit state: an ordered map {region -> {attribute -> target}} of normalized targets in [-1, 1].
 * Only what the user set is stored; an attribute that is not set keeps the photo's own measured value, so
 * the empty state renders the photo unchanged. Regions are applied in insertion order when the
 * parameter map is built, later ones over earlier ones. Instances are immutable.
 */
public final class EditState {
    public static final String GLOBAL = "global";
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,47}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EditState EMPTY = new EditState(new LinkedHashMap<>());

    private final Map<String, Map<Attribute, Double>> values;

    private EditState(LinkedHashMap<String, Map<Attribute, Double>> values) {
        this.values = values;
    }

    public static EditState empty() {
        return EMPTY;
    }

    /**
     * Sets one target by PerTouch's rules. A named region's value is set directly. A {@code global} value
     * moves by {@code delta = v - old} (old: the current global target, else the photo's own value from
     * {@code baseline}), and every other region that already has that attribute moves by the same delta;
     * everything is clamped to [-1, 1].
     */
    public EditState with(String region, Attribute attribute, double value, Baseline baseline) {
        String name = checkRegion(region);
        double v = checkValue(value);
        LinkedHashMap<String, Map<Attribute, Double>> next = copy();
        if (GLOBAL.equals(name)) {
            double old = get(GLOBAL, attribute).orElse(baseline.value(GLOBAL, attribute));
            double delta = v - old;
            for (Map.Entry<String, Map<Attribute, Double>> e : next.entrySet()) {
                if (!GLOBAL.equals(e.getKey()) && e.getValue().containsKey(attribute)) {
                    e.getValue().put(attribute, clamp(e.getValue().get(attribute) + delta));
                }
            }
        }
        next.computeIfAbsent(name, k -> new EnumMap<>(Attribute.class)).put(attribute, v);
        return new EditState(next);
    }

    /** Removes every target of one region, so that region shows the photo's own values again. */
    public EditState without(String region) {
        if (!values.containsKey(region)) {
            return this;
        }
        LinkedHashMap<String, Map<Attribute, Double>> next = copy();
        next.remove(region);
        return new EditState(next);
    }

    public OptionalDouble get(String region, Attribute attribute) {
        Map<Attribute, Double> r = values.get(region);
        if (r == null || !r.containsKey(attribute)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(r.get(attribute));
    }

    /** The target of one attribute in one region: the set value, else the photo's own value. */
    public double resolve(String region, Attribute attribute, Baseline baseline) {
        return get(region, attribute).orElse(baseline.value(region, attribute));
    }

    /** Regions in the order they were first set. */
    public Iterable<String> regions() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public Map<Attribute, Double> targets(String region) {
        Map<Attribute, Double> r = values.get(region);
        return r == null ? Map.of() : Collections.unmodifiableMap(r);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<Map<Attribute, Double>> region(String region) {
        return Optional.ofNullable(values.get(region)).map(Collections::unmodifiableMap);
    }

    @JsonValue
    public Map<String, Map<String, Double>> toMap() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        values.forEach((region, attrs) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            attrs.forEach((a, v) -> m.put(a.key(), v));
            out.put(region, m);
        });
        return out;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code {"region": {"attribute": value}}}. Every name and value is checked; an invalid one fails
     * with an {@link InvalidEditException} that says which.
     */
    public static EditState fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEditException("invalid_state", "The edit state is not valid JSON: " + e.getOriginalMessage());
        }
        return fromJson(root);
    }

    @JsonCreator
    public static EditState fromJson(JsonNode root) {
        if (root == null || root.isNull()) {
            return EMPTY;
        }
        if (!root.isObject()) {
            throw new InvalidEditException("invalid_state", "The edit state must be an object of regions.");
        }
        LinkedHashMap<String, Map<Attribute, Double>> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            String name = checkRegion(region.getKey());
            if (!region.getValue().isObject()) {
                throw new InvalidEditException("invalid_state", "Region '" + name + "' must map attributes to numbers.");
            }
            Map<Attribute, Double> attrs = new EnumMap<>(Attribute.class);
            for (Iterator<Map.Entry<String, JsonNode>> at = region.getValue().fields(); at.hasNext(); ) {
                Map.Entry<String, JsonNode> a = at.next();
                Attribute attribute = Attribute.parse(a.getKey());
                JsonNode v = a.getValue();
                if (!v.isNumber()) {
                    throw new InvalidEditException("value_not_a_number",
                            "The value of " + name + "." + attribute.key() + " must be a number in [-1, 1].");
                }
                attrs.put(attribute, checkValue(v.doubleValue()));
            }
            values.put(name, attrs);
        }
        return new EditState(values);
    }

    private LinkedHashMap<String, Map<Attribute, Double>> copy() {
        LinkedHashMap<String, Map<Attribute, Double>> next = new LinkedHashMap<>();
        values.forEach((k, v) -> next.put(k, new EnumMap<>(v)));
        return next;
    }

    static String checkRegion(String region) {
        if (region == null || !REGION_NAME.matcher(region).matches()) {
            throw new InvalidEditException("invalid_region_name",
                    "Region names are 1-48 lowercase letters, digits, '-' or '_' (got '" + region + "').");
        }
        return region;
    }

    static double checkValue(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new InvalidEditException("value_not_a_number", "Attribute values must be finite numbers in [-1, 1].");
        }
        if (v < -1 || v > 1) {
            throw new InvalidEditException("value_out_of_range", "Attribute values must lie in [-1, 1] (got " + v + ").");
        }
        return v;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EditState other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** The photo's own normalized value of an attribute in a region: what an unset target means. */
    @FunctionalInterface
    public interface Baseline {
        double value(String region, Attribute attribute);

        /** For callers that have no photo: unset means the calibrated median, 0. */
        Baseline MEDIAN = (region, attribute) -> 0.0;
    }
}
