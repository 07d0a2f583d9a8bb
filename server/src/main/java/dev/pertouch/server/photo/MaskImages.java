package dev.pertouch.server.photo;

import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.inference.image.RgbImage;

/** Soft masks as grey PNGs, the form in which picked regions are stored: 8 bits are plenty for a weight. */
final class MaskImages {
    private MaskImages() {
    }

    static byte[] toPng(float[] mask, int width, int height) {
        int[] px = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            int v = Math.round(Math.max(0, Math.min(1, mask[i])) * 255);
            px[i] = v << 16 | v << 8 | v;
        }
        return ImageCodec.encodePng(new RgbImage(width, height, px));
    }

    static float[] fromPng(byte[] png, int width, int height) {
        RgbImage image;
        try {
            image = ImageCodec.decode(png, DecodeLimits.defaults()).image();
        } catch (ImageRejectedException e) {
            throw new IllegalStateException("a stored region mask is unreadable: " + e.getMessage(), e);
        }
        if (image.width() != width || image.height() != height) {
            throw new IllegalStateException("a stored region mask is " + image.width() + "x" + image.height()
                    + ", not the working size " + width + "x" + height);
        }
        float[] mask = new float[image.pixels().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (image.pixels()[i] & 255) / 255f;
        }
        return mask;
    }
}
