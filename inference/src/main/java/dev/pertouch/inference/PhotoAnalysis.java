package dev.pertouch.inference;

import dev.pertouch.inference.image.WorkingImage;
import dev.pertouch.inference.regions.Segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the engine knows about one photo: its size, the working size its masks and measurements use, its regions
 * with their own attribute values, and what measuring and picking further regions takes. The first region is always
 * {@code global}.
 *
 * @param working  the photo at the working size, on which new masks are measured; {@code null} in an analysis put
 *                 together from known values, which can neither measure nor pick new regions
 * @param segments the working image's class-agnostic segments, which clicks and boxes select from; {@code null} when
 *                 the analysis was made from given masks (picking then segments the working image when asked) or
 *                 put together from known values
 */
public record PhotoAnalysis(int width, int height, int workWidth, int workHeight, List<Region> regions,
                            WorkingImage working, Segments segments) {
    public PhotoAnalysis {
        regions = List.copyOf(regions);
        if (regions.isEmpty() || !EditState.GLOBAL.equals(regions.get(0).id())) {
            throw new IllegalArgumentException("the first region of an analysis must be '" + EditState.GLOBAL + "'");
        }
        if (working != null && (working.width() != workWidth || working.height() != workHeight)) {
            throw new IllegalArgumentException("the working image is " + working.width() + "x" + working.height()
                    + ", the analysis says " + workWidth + "x" + workHeight);
        }
        if (segments != null && (segments.width() != workWidth || segments.height() != workHeight)) {
            throw new IllegalArgumentException("the segments are " + segments.width() + "x" + segments.height()
                    + ", the analysis says " + workWidth + "x" + workHeight);
        }
    }

    /** An analysis of known regions and values alone, without the working image. */
    public PhotoAnalysis(int width, int height, int workWidth, int workHeight, List<Region> regions) {
        this(width, height, workWidth, workHeight, regions, null, null);
    }

    public Optional<Region> region(String id) {
        return regions.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * This analysis with the region added at the end, or put in the place of the region with the same id, everything
     * else kept. {@code global} is the whole photo and cannot be replaced.
     */
    public PhotoAnalysis with(Region region) {
        if (EditState.GLOBAL.equals(region.id())) {
            throw new InvalidEditException("reserved_region",
                    "'" + EditState.GLOBAL + "' is the whole photo; give the region another name.");
        }
        if (region.mask() != null && region.mask().length != workWidth * workHeight) {
            throw new IllegalArgumentException("the mask of '" + region.id() + "' has " + region.mask().length
                    + " weights, the working size is " + workWidth + "x" + workHeight);
        }
        List<Region> next = new ArrayList<>(regions);
        int at = next.stream().map(Region::id).toList().indexOf(region.id());
        if (at < 0) {
            next.add(region);
        } else {
            next.set(at, region);
        }
        return new PhotoAnalysis(width, height, workWidth, workHeight, next, working, segments);
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
