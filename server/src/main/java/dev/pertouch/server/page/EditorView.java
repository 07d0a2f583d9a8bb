package dev.pertouch.server.page;

import dev.pertouch.agent.scene.Suggestion;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.RetouchEngine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the editor shows: the current image, and the sliders of the selected region at their targets. */
public record EditorView(String photoId, int width, int height, String imageUrl, String editId, String region,
                         String regionLabel, List<SliderView> sliders, SuggestionView suggestion,
                         List<RegionChip> regions, String overlayUrl) {

    /** A region the user can select, with its overlay colour as CSS hex. */
    public record RegionChip(String id, String label, String colour, boolean selected) {
    }

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
        Map<String, Integer> colours = RetouchEngine.overlayColours();
        List<RegionChip> chips = analysis.regions().stream()
                .map(r -> new RegionChip(r.id(), label(r), String.format("#%06x", colours.getOrDefault(r.id(), PICK_COLOUR)),
                        r.id().equals(region)))
                .toList();
        String selectedLabel = chips.stream().filter(RegionChip::selected).map(RegionChip::label).findFirst().orElse(region);
        return new EditorView(photoId, width, height, imageUrl, editId, region, selectedLabel, sliders,
                suggestion == null ? null : new SuggestionView(suggestion.summary(), suggestion.recordIds()), chips,
                "/api/images/" + photoId + "/regions.png?v=" + analysis.regions().size());
    }

    private static final int PICK_COLOUR = 0xffffff;

    private static String label(Region r) {
        return EditState.GLOBAL.equals(r.id()) ? "Whole image" : capitalize(r.label());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
