package dev.pertouch.agent;

import dev.langchain4j.data.message.ImageContent;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;

import java.util.Base64;

/**
 * A picture as a chat model receives it: scaled to at most {@link #LONG_SIDE} pixels on the long side and sent as
 * a base64 JPEG. The pixels go through {@link ImageCodec}, which writes {@link RgbImage}'s {@code 0xRRGGBB} in
 * that order, so the model sees red where the photo is red.
 */
final class PictureContent {
    /** What OpenAI's low detail reads anyway, and enough to judge a region's tone and colour. */
    static final int LONG_SIDE = 512;
    /** Compression artefacts at this quality are far below the changes the model is asked to judge. */
    private static final float QUALITY = 0.85f;

    private PictureContent() {
    }

    static ImageContent of(RgbImage image) {
        byte[] jpeg = ImageCodec.encodeJpeg(scaled(image), QUALITY);
        return ImageContent.from(Base64.getEncoder().encodeToString(jpeg), "image/jpeg", ImageContent.DetailLevel.LOW);
    }

    /** The image at most {@link #LONG_SIDE} on its long side, in its own proportions; smaller images as they are. */
    static RgbImage scaled(RgbImage image) {
        int longSide = Math.max(image.width(), image.height());
        if (longSide <= LONG_SIDE) {
            return image;
        }
        double scale = (double) LONG_SIDE / longSide;
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        return Resampler.resize(image, width, height);
    }
}
