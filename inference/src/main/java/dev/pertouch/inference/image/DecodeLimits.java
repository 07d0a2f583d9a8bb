package dev.pertouch.inference.image;

/**
 * What an upload may cost before its pixels are decoded: the file size, the pixel count and the longest side that
 * its header declares. A small file can declare a huge image (a decompression bomb), so the header is checked first.
 */
public record DecodeLimits(long maxBytes, long maxPixels, int maxSide) {
    public DecodeLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException(
                    "decode limits must be positive: " + maxBytes + " bytes, " + maxPixels + " pixels, " + maxSide + " px");
        }
    }

    /** 25 MB, 50 megapixels, 20000 px on the longest side. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(25L * 1024 * 1024, 50_000_000L, 20_000);
    }
}
