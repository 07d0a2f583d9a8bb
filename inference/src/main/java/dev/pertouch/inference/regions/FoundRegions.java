package dev.pertouch.inference.regions;

import java.util.List;
import java.util.Optional;

/**
 * Everything found in one working image: the named regions ({@code global} first) and the class-agnostic
 * segments they were built on, which picking by click or box needs. {@code segments} is {@code null} where only
 * the regions are known; typed names still resolve then.
 */
public record FoundRegions(int width, int height, List<FoundRegion> regions, Segments segments) {
    public FoundRegions {
        regions = List.copyOf(regions);
    }

    public Optional<FoundRegion> region(String id) {
        return regions.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
