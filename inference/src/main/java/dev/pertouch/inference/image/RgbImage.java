package dev.pertouch.inference.image;

/**
 * An 8-bit sRGB image, row-major, each pixel packed as {@code 0xRRGGBB}. The array is owned by the image:
 * callers do not change it after construction.
 */
public record RgbImage(int width, int height, int[] pixels) {
    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
    }

    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    public long pixelCount() {
        return (long) width * height;
    }
}
