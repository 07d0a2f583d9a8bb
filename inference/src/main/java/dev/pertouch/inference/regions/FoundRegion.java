package dev.pertouch.inference.regions;

/**
 * A region found in a working image. {@code mask} is a soft mask in [0, 1], row-major at the working size, or
 * null for the whole image ({@code global}); {@code area} is the share of the image it covers (the mask's mean).
 */
public record FoundRegion(String id, String label, float[] mask, double area) {
}
