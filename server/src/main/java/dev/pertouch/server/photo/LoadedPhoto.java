package dev.pertouch.server.photo;

import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.memory.Photo;

/** A stored photo with its decoded pixels and regions, ready to render. */
public record LoadedPhoto(Photo record, RgbImage image, PhotoAnalysis analysis) {
    public String id() {
        return record.id();
    }
}
