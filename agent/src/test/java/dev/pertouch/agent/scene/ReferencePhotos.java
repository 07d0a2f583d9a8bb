package dev.pertouch.agent.scene;

import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The photos in testdata/photos, measured by the real engine. Where a test pins what memory learns, named regions are
 * drawn as horizontal bands (sky above the horizon, land or water below), as a person would mark them, so that the
 * test does not also depend on how well the region finder does on each photo.
 */
final class ReferencePhotos {
    private static final Path DIR = Path.of("..", "testdata", "photos");

    private ReferencePhotos() {
    }

    static RgbImage load(String name) {
        try {
            return ImageCodec.decode(Files.readAllBytes(DIR.resolve(name)), DecodeLimits.defaults()).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageRejectedException e) {
            throw new IllegalStateException(name + " is a reference photo and must decode", e);
        }
    }

    /**
     * The photo analysed with one region per band: {@code bands} maps a region id to its top and bottom edges as
     * fractions of the height, e.g. {@code "sky" -> {0, 0.3}}.
     */
    static PhotoAnalysis analyze(RetouchEngine engine, String name, Map<String, double[]> bands) {
        RgbImage photo = load(name);
        WorkingImage.Size size = WorkingImage.sizeFor(photo.width(), photo.height());
        Map<String, float[]> masks = new LinkedHashMap<>();
        bands.forEach((region, edges) -> {
            float[] mask = new float[size.width() * size.height()];
            int top = (int) Math.round(edges[0] * size.height());
            int bottom = (int) Math.round(edges[1] * size.height());
            for (int y = top; y < bottom; y++) {
                for (int x = 0; x < size.width(); x++) {
                    mask[y * size.width() + x] = 1f;
                }
            }
            masks.put(region, mask);
        });
        return engine.analyze(photo, masks);
    }

    /** The photo with its colour taken out: each pixel set to its luma. */
    static RgbImage grey(RgbImage photo) {
        int[] px = photo.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int y = (int) Math.round(0.241 * ((p >> 16) & 0xFF) + 0.691 * ((p >> 8) & 0xFF) + 0.068 * (p & 0xFF));
            px[i] = (y << 16) | (y << 8) | y;
        }
        return new RgbImage(photo.width(), photo.height(), px);
    }
}
