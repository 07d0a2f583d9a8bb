package dev.pertouch.inference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value per PerTouch attribute, in parameter-map channel order. Used both for raw measurements (the
 * formulas' units) and for normalized values in [-1, 1].
 */
public record AttributeValues(double colorfulness, double contrast, double temperature, double brightness) {
    public static final AttributeValues ZERO = new AttributeValues(0, 0, 0, 0);

    public double get(Attribute a) {
        return switch (a) {
            case COLORFULNESS -> colorfulness;
            case CONTRAST -> contrast;
            case TEMPERATURE -> temperature;
            case BRIGHTNESS -> brightness;
        };
    }

    public AttributeValues with(Attribute a, double v) {
        return switch (a) {
            case COLORFULNESS -> new AttributeValues(v, contrast, temperature, brightness);
            case CONTRAST -> new AttributeValues(colorfulness, v, temperature, brightness);
            case TEMPERATURE -> new AttributeValues(colorfulness, contrast, v, brightness);
            case BRIGHTNESS -> new AttributeValues(colorfulness, contrast, temperature, v);
        };
    }

    /** The values in channel order. */
    public double[] toArray() {
        return new double[] {colorfulness, contrast, temperature, brightness};
    }

    /** Reads four values in channel order. */
    public static AttributeValues of(double[] v) {
        if (v.length != Attribute.values().length) {
            throw new IllegalArgumentException("expected " + Attribute.values().length + " values, got " + v.length);
        }
        return new AttributeValues(v[0], v[1], v[2], v[3]);
    }

    /** The values keyed by {@link Attribute#key()}, in channel order. */
    public Map<String, Double> toMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Attribute a : Attribute.values()) {
            out.put(a.key(), get(a));
        }
        return out;
    }
}
