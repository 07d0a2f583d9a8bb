package dev.pertouch.agent;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;

import java.util.Map;

/**
 * Renders the photo being edited with an edit state and measures the result, for the feedback loop. The server
 * implements it with the retouch engine; an implementation may keep the last image so that the result shown
 * to the user is not rendered twice.
 */
@FunctionalInterface
public interface Renderer {
    /** Normalized attribute values measured on the rendered result, by region id. */
    Map<String, AttributeValues> render(EditState state);
}
