package dev.pertouch.inference;

import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The reference photos in testdata/photos and masks drawn on them. */
public final class Photos {
    public static final Path DIR = Path.of("..", "testdata", "photos");

    private Photos() {
    }

    public static RgbImage load(String name) {
        return read(DIR.resolve(name));
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RgbImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            int w = image.getWidth();
            int h = image.getHeight();
            int[] px = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < px.length; i++) {
                px[i] &= 0xFFFFFF;
            }
            return new RgbImage(w, h, px);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photo's columns left of {@code fraction} of its width, at the working size. */
    public static float[] leftOf(RgbImage photo, double fraction) {
        WorkingImage.Size s = WorkingImage.sizeFor(photo.width(), photo.height());
        float[] m = new float[s.width() * s.height()];
        int edge = (int) Math.round(fraction * s.width());
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < edge; x++) {
                m[y * s.width() + x] = 1f;
            }
        }
        return m;
    }

    /** A disc at the working size, centre and radius as fractions of the working width and height. */
    public static float[] disc(RgbImage photo, double cx, double cy, double radius) {
        WorkingImage.Size s = WorkingImage.sizeFor(photo.width(), photo.height());
        float[] m = new float[s.width() * s.height()];
        double r = radius * s.width();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (Math.hypot(x + 0.5 - cx * s.width(), y + 0.5 - cy * s.height()) < r) {
                    m[y * s.width() + x] = 1f;
                }
            }
        }
        return m;
    }

    /** The photo with its colour taken out (each pixel set to its luma). */
    public static RgbImage grey(RgbImage photo) {
        int[] px = photo.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int y = (int) Math.round(0.241 * ((p >> 16) & 0xFF) + 0.691 * ((p >> 8) & 0xFF) + 0.068 * (p & 0xFF));
            px[i] = (y << 16) | (y << 8) | y;
        }
        return new RgbImage(photo.width(), photo.height(), px);
    }
}
