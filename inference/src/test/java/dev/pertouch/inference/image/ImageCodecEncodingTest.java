package dev.pertouch.inference.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageCodecEncodingTest {
    private static RgbImage texture(int width, int height) {
        BufferedImage image = CodecFixtures.texture(width, height);
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return new RgbImage(width, height, pixels);
    }

    /** Smooth colour, like most of a photo: what JPEG at high quality keeps almost exactly. */
    private static RgbImage gradient(int width, int height) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128;
            }
        }
        return new RgbImage(width, height, pixels);
    }

    @Test
    void pngRoundTripsEveryPixelExactly() throws ImageRejectedException {
        RgbImage image = texture(123, 77);
        DecodedImage decoded = ImageCodec.decode(ImageCodec.encodePng(image), DecodeLimits.defaults());
        assertEquals("png", decoded.format());
        assertArrayEquals(image.pixels(), decoded.image().pixels());
    }

    @Test
    void jpegRoundTripStaysCloseAndQualityBuysFidelity() throws ImageRejectedException {
        RgbImage image = gradient(128, 96);
        byte[] high = ImageCodec.encodeJpeg(image, 0.95f);
        byte[] low = ImageCodec.encodeJpeg(image, 0.3f);
        assertTrue(low.length < high.length, "lower quality makes a smaller file");
        double highError = meanError(image, ImageCodec.decode(high, DecodeLimits.defaults()).image());
        double lowError = meanError(image, ImageCodec.decode(low, DecodeLimits.defaults()).image());
        assertTrue(highError < 2, "quality 0.95 mean error " + highError);
        assertTrue(lowError > highError, "quality 0.3 is worse: " + lowError + " vs " + highError);
    }

    @Test
    void jpegQualityOutsideZeroToOneIsRefused() {
        RgbImage image = texture(8, 8);
        assertThrows(IllegalArgumentException.class, () -> ImageCodec.encodeJpeg(image, 1.5f));
        assertThrows(IllegalArgumentException.class, () -> ImageCodec.encodeJpeg(image, Float.NaN));
    }

    private static double meanError(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs((a.pixels()[i] >> shift & 0xFF) - (b.pixels()[i] >> shift & 0xFF));
            }
        }
        return sum / (3.0 * a.pixels().length);
    }
}
