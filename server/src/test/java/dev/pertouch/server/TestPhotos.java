package dev.pertouch.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** The licensed photos under testdata/photos (see docs/PHOTOS.md) and small images made for one test. */
final class TestPhotos {
    static final Path DIR = Path.of("..", "testdata", "photos");

    private TestPhotos() {
    }

    static Path first() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no photos under " + DIR.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path photo) {
        try {
            return Files.readAllBytes(photo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A smooth colour gradient: every pixel differs, so any edit changes many of them. */
    static byte[] gradientPng(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 40 + 180 * x / width;
                int g = 60 + 140 * y / height;
                int b = 200 - 150 * x / width;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
