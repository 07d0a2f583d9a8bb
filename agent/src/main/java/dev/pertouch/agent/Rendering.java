package dev.pertouch.agent;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.image.RgbImage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One render of a candidate state, as the feedback loop sees it.
 *
 * @param measured normalized attribute values measured on the result, by region id
 * @param image    the rendered result, or null when the renderer only measures; a model that looks at results is
 *                 then shown the numbers alone
 */
public record Rendering(Map<String, AttributeValues> measured, RgbImage image) {
    public Rendering {
        measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
    }

    /** A render known only by its numbers. */
    public Rendering(Map<String, AttributeValues> measured) {
        this(measured, null);
    }
}
