package dev.pertouch.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One target an instruction moved: {@code from} and {@code to} are what the renderer aims at, before and after. */
@JsonPropertyOrder({"region", "attribute", "from", "to"})
public record Change(String region, @JsonIgnore Attribute attribute, double from, double to) {
    /** Differences smaller than this are rounding, not edits. */
    private static final double EPSILON = 1e-6;

    @JsonProperty("attribute")
    public String attributeKey() {
        return attribute.key();
    }

    /**
     * Every target that differs between two states, region by region in the order the regions appear (regions
     * only {@code before} had come last), attributes in channel order. An unset target counts as the photo's own
     * value, so setting a target to exactly that value is not a change, and removing a region is.
     */
    public static List<Change> between(EditState before, EditState after, EditState.Baseline baseline) {
        Set<String> regions = new LinkedHashSet<>();
        after.regions().forEach(regions::add);
        before.regions().forEach(regions::add);
        List<Change> changes = new ArrayList<>();
        for (String region : regions) {
            for (Attribute attribute : Attribute.values()) {
                double from = before.resolve(region, attribute, baseline);
                double to = after.resolve(region, attribute, baseline);
                if (Math.abs(to - from) > EPSILON) {
                    changes.add(new Change(region, attribute, from, to));
                }
            }
        }
        return List.copyOf(changes);
    }

    /** The sign of the move: +1 up, -1 down. */
    public int direction() {
        return to > from ? 1 : -1;
    }
}
