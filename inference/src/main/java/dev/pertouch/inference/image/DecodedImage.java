package dev.pertouch.inference.image;

import java.util.Objects;

/**
 * An upload decoded to upright 8-bit sRGB.
 *
 * @param format      the container it came in: {@code jpeg}, {@code png}, {@code gif} or {@code bmp}
 * @param orientation the EXIF orientation (1 to 8) that was applied to make {@code image} upright; 1 when none
 */
public record DecodedImage(RgbImage image, String format, int orientation) {
    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1 to 8, got " + orientation);
        }
    }
}
