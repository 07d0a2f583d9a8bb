package dev.pertouch.server.edit;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;

import java.util.List;
import java.util.Map;

/** One finished render: the stored edit, what the engine measured on it, and targets it could not reach. */
public record RenderOutcome(String editId, String photoId, EditState state, RenderSize size,
                            Map<String, AttributeValues> measured, List<String> notes, long millis) {
    public String imageUrl() {
        return "/api/edits/" + editId + "/image";
    }
}
