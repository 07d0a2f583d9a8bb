package dev.pertouch.inference;

/**
 * One region of a photo with the photo's own attribute values there.
 *
 * @param id         the name an edit state uses, such as {@code global} or {@code sky}
 * @param label      words for people
 * @param mask       soft mask in [0, 1] at the analysis working size, row-major; {@code null} means the whole image
 * @param area       the mask's mean weight, the fraction of the image the region covers
 * @param raw        measured attribute values in the formulas' units
 * @param normalized the same values mapped to [-1, 1] by the calibration table
 */
public record Region(String id, String label, float[] mask, double area, AttributeValues raw,
                     AttributeValues normalized) {
}
