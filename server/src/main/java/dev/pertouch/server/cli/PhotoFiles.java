package dev.pertouch.server.cli;

import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.inference.image.RgbImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reading and writing photos on the command line, through the same codec as uploads. */
final class PhotoFiles {
    private PhotoFiles() {
    }

    static RgbImage read(Path file) {
        try {
            return ImageCodec.decode(Files.readAllBytes(file), DecodeLimits.defaults()).image();
        } catch (ImageRejectedException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes PNG for a .png name, JPEG otherwise. */
    static void write(RgbImage image, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = name.endsWith(".png") ? ImageCodec.encodePng(image) : ImageCodec.encodeJpeg(image, 0.92f);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static boolean isPhoto(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
    }
}
