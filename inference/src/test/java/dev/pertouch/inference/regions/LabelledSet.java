package dev.pertouch.inference.regions;

import dev.pertouch.inference.Photos;
import dev.pertouch.inference.image.RgbImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the labelled photos and reference masks under testdata/regions. */
final class LabelledSet {
    static final Path DIR = Path.of("..", "testdata", "regions");

    private LabelledSet() {
    }

    static RgbImage photo(String name) {
        return Photos.read(DIR.resolve(name + ".jpg"));
    }

    static boolean hasMask(String photo, String label) {
        return Files.exists(DIR.resolve(photo + "-" + label + ".png"));
    }

    /** A reference mask as 0/1 values. */
    static float[] mask(String photo, String label) {
        BufferedImage image = read(DIR.resolve(photo + "-" + label + ".png"));
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (image.getRGB(x, y) & 0xFF) >= 128 ? 1f : 0f;
            }
        }
        return out;
    }

    private static BufferedImage read(Path path) {
        try {
            BufferedImage image = ImageIO.read(path.toFile());
            if (image == null) {
                throw new IOException("not an image: " + path);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
