package dev.pertouch.agent.scene;

import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RetouchEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference landscapes and a portrait, with their regions marked where each photo shows them. */
final class Landscapes {
    /** Five landscapes a user edits first, then a sixth they have not seen. */
    static final List<String> FIRST_FIVE = List.of("aitzgorri.jpg", "bridge.jpg", "stream.jpg", "sunset.jpg",
            "dandelions.jpg");
    static final String SIXTH = "picos.jpg";
    static final String PORTRAIT = "astronaut.jpg";

    private static final Map<String, Map<String, double[]>> REGIONS = Map.of(
            "aitzgorri.jpg", bands("sky", 0.30, "vegetation"),
            "bridge.jpg", bands("sky", 0.62, "water"),
            "stream.jpg", bands("vegetation", 0.55, "water"),
            "sunset.jpg", bands("sky", 0.45, "vegetation"),
            "dandelions.jpg", bands("sky", 0.20, "vegetation"),
            "picos.jpg", bands("sky", 0.38, "vegetation"),
            // the astronaut fills the lower middle of the frame; the flag and the studio are background
            "astronaut.jpg", bands("background", 0.15, "person"));

    private Landscapes() {
    }

    static PhotoAnalysis analyze(RetouchEngine engine, String name) {
        return ReferencePhotos.analyze(engine, name, REGIONS.get(name));
    }

    private static Map<String, double[]> bands(String above, double horizon, String below) {
        Map<String, double[]> bands = new LinkedHashMap<>();
        bands.put(above, new double[] {0, horizon});
        bands.put(below, new double[] {horizon, 1});
        return bands;
    }
}
