package dev.pertouch.agent;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders the photo being edited with an edit state and measures the result, for the feedback loop. The server
 * implements it with the retouch engine; an implementation may keep the last image so that the result shown
 * to the user is not rendered twice.
 *
 * <p>A lambda over {@link #render} is enough for a model that judges by the numbers (the offline one). A model
 * that looks at the results needs the images too: build the renderer with {@link #withImages}.
 */
@FunctionalInterface
public interface Renderer {
    /** Normalized attribute values measured on the rendered result, by region id. */
    Map<String, AttributeValues> render(EditState state);

    /** The render with its image when this renderer has one; by default the numbers alone. */
    default Rendering rendering(EditState state) {
        return new Rendering(render(state));
    }

    /** A renderer that returns the rendered image with the numbers. */
    static Renderer withImages(Function<EditState, Rendering> render) {
        Objects.requireNonNull(render, "render");
        return new Renderer() {
            @Override
            public Map<String, AttributeValues> render(EditState state) {
                return rendering(state).measured();
            }

            @Override
            public Rendering rendering(EditState state) {
                return render.apply(state);
            }
        };
    }
}
