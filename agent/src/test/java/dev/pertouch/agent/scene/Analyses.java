package dev.pertouch.agent.scene;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;

import java.util.ArrayList;
import java.util.List;

/** Analyses written by hand, for rules that need exact numbers; raw values are those of an ordinary daylight photo. */
final class Analyses {
    static final AttributeValues DAYLIGHT_RAW = new AttributeValues(35, 90, -5600, 130);

    private Analyses() {
    }

    /** A named region covering {@code area} of the frame, measuring {@code normalized}. */
    static Region region(String id, double area, AttributeValues normalized) {
        return new Region(id, id, null, area, DAYLIGHT_RAW, normalized);
    }

    static Region region(String id, double area) {
        return region(id, area, AttributeValues.ZERO);
    }

    static PhotoAnalysis of(AttributeValues globalRaw, AttributeValues globalNormalized, Region... named) {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region("global", "whole photo", null, 1, globalRaw, globalNormalized));
        regions.addAll(List.of(named));
        return new PhotoAnalysis(640, 480, 512, 384, regions);
    }

    static PhotoAnalysis of(Region... named) {
        return of(DAYLIGHT_RAW, AttributeValues.ZERO, named);
    }
}
