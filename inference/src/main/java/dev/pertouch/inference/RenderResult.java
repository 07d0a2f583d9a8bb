package dev.pertouch.inference;

import dev.pertouch.inference.image.RgbImage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered photo.
 *
 * @param image    the retouched pixels, at the requested size
 * @param measured normalized attribute values of every region of the analysis, measured on the render brought to
 *                 the working size
 * @param notes    sentences for people, one per target that could not be reached or per attribute that moved
 *                 noticeably although it was not asked to
 */
public record RenderResult(RgbImage image, Map<String, AttributeValues> measured, List<String> notes) {
    public RenderResult {
        measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
        notes = List.copyOf(notes);
    }
}
