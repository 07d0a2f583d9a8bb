package dev.pertouch.server.page;

import dev.pertouch.agent.scene.Suggestion;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the editor shows: the current image, and the sliders of the selected region at their targets. */
public record EditorView(String photoId, int width, int height, String imageUrl, String editId, String region,
                         String regionLabel, List<SliderView> sliders, SuggestionView suggestion) {

    /** A remembered suggestion for this photo, from the user's accepted edits of similar photos. */
    public record SuggestionView(String summary, List<String> recordIds) {
    }

    public record SliderView(String key, String label, String value) {
    }

    static EditorView of(String photoId, int width, int height, String imageUrl, String editId, PhotoAnalysis analysis,
                         EditState state, String region, Suggestion suggestion) {
        EditState.Baseline baseline = analysis.baseline();
        List<SliderView> sliders = Arrays.stream(Attribute.values())
                .map(a -> new SliderView(a.key(), capitalize(a.key()),
                        String.format(Locale.ROOT, "%.2f", state.resolve(region, a, baseline))))
                .toList();
        String label = EditState.GLOBAL.equals(region) ? "Whole image"
                : analysis.region(region).map(r -> capitalize(r.label())).orElse(region);
        return new EditorView(photoId, width, height, imageUrl, editId, region, label, sliders,
                suggestion == null ? null : new SuggestionView(suggestion.summary(), suggestion.recordIds()));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
