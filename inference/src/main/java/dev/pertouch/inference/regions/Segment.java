package dev.pertouch.inference.regions;

/**
 * One class-agnostic segment: its share of the image, mean CIE Lab colour, centre (0..1 across and down) and
 * texture (mean gradient magnitude of L, in L units per pixel).
 */
public record Segment(int index, double area, double meanL, double meanA, double meanB,
                      double centreX, double centreY, double texture) {
}
