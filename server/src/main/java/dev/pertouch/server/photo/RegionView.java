package dev.pertouch.server.photo;

import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;

import java.util.List;
import java.util.Map;

/** A region as the API and the page show it: no mask, normalized attribute values. */
public record RegionView(String id, String label, double area, Map<String, Double> attributes) {
    public static List<RegionView> of(PhotoAnalysis analysis) {
        return analysis.regions().stream().map(RegionView::of).toList();
    }

    public static RegionView of(Region r) {
        return new RegionView(r.id(), r.label(), round(r.area()), r.normalized().toMap());
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
