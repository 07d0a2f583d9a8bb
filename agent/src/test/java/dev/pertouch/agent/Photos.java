package dev.pertouch.agent;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Photo contexts for tests: named regions with chosen measured values. */
final class Photos {
    private Photos() {
    }

    /** A portrait outdoors: person, sky, vegetation and background; no water. All values at the median. */
    static PhotoContext portrait() {
        return new PhotoContext(new LinkedHashSet<>(List.of("subject", "person", "sky", "vegetation", "background")),
                EditState.Baseline.MEDIAN);
    }

    /** The same regions, measured: {@code region -> {attribute -> value}}; anything unlisted measures 0. */
    static PhotoContext portraitMeasured(Map<String, Map<Attribute, Double>> measured) {
        return new PhotoContext(portrait().regionIds(),
                (region, attribute) -> measured.getOrDefault(region, Map.of()).getOrDefault(attribute, 0.0));
    }
}
