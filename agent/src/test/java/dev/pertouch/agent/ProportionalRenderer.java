package dev.pertouch.agent;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.image.RgbImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the engine, which this module cannot see: each region lands a fixed share of the way from the
 * photo's own value to its target, as a renderer that under- or overshoots would. Its pictures are flat grey,
 * {@link #grey} levels brighter the higher the sky's brightness target, so a test can tell which render it was
 * shown.
 */
final class ProportionalRenderer implements Renderer {
    private final PhotoContext photo;
    private final double share;
    final List<EditState> rendered = new ArrayList<>();

    ProportionalRenderer(PhotoContext photo, double share) {
        this.photo = photo;
        this.share = share;
    }

    @Override
    public Map<String, AttributeValues> render(EditState state) {
        rendered.add(state);
        Map<String, AttributeValues> measured = new LinkedHashMap<>();
        for (String region : photo.regionIds()) {
            double[] v = new double[Attribute.values().length];
            for (Attribute a : Attribute.values()) {
                double own = photo.baseline().value(region, a);
                v[a.ordinal()] = own + share * (state.resolve(region, a, photo.baseline()) - own);
            }
            measured.put(region, AttributeValues.of(v));
        }
        return measured;
    }

    /** The measurements with a 640x480 picture of the state. */
    Rendering withPicture(EditState state) {
        int[] pixels = new int[640 * 480];
        int g = grey(state);
        Arrays.fill(pixels, g << 16 | g << 8 | g);
        return new Rendering(render(state), new RgbImage(640, 480, pixels));
    }

    /** The grey level of the picture of a state: 128 plus 100 per unit of the sky's brightness target. */
    int grey(EditState state) {
        return 128 + (int) Math.round(100 * state.resolve("sky", Attribute.BRIGHTNESS, photo.baseline()));
    }
}
