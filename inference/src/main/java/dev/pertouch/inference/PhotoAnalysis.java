package dev.pertouch.inference;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the engine knows about one photo: its size, the working size its masks and measurements use, and its regions
 * with their own attribute values. The first region is always {@code global}.
 */
public record PhotoAnalysis(int width, int height, int workWidth, int workHeight, List<Region> regions) {
    public PhotoAnalysis {
        regions = List.copyOf(regions);
        if (regions.isEmpty() || !EditState.GLOBAL.equals(regions.get(0).id())) {
            throw new IllegalArgumentException("the first region of an analysis must be '" + EditState.GLOBAL + "'");
        }
    }

    public Optional<Region> region(String id) {
        return regions.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The photo's own normalized values: what an unset target means. Regions the photo lacks read as the median, 0. */
    public EditState.Baseline baseline() {
        return (regionId, attribute) -> region(regionId).map(r -> r.normalized().get(attribute)).orElse(0.0);
    }

    /** Fails with {@code unknown_region} when the state names a region this photo does not have. */
    public void checkRegions(EditState state) {
        for (String id : state.regions()) {
            if (region(id).isEmpty()) {
                throw new InvalidEditException("unknown_region", "The photo has no region '" + id + "'; it has: "
                        + regions.stream().map(Region::id).collect(Collectors.joining(", ")) + ".");
            }
        }
    }
}
