package dev.pertouch.inference.render;

import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.RenderResult;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

/** Renders an edit state on a photo. Implementations are safe to call from several threads at once. */
public interface Retoucher extends AutoCloseable {
    /**
     * @param maxSide the long side of the result; {@code <= 0} or at least the photo's long side means full resolution
     */
    RenderResult render(RgbImage photo, PhotoAnalysis analysis, EditState state, int maxSide);

    /**
     * The photo's working image. Analysing a photo asks for it first, so a retoucher that derives more from the
     * photo for its renders may do that work here, once, and keep it for the renders that follow.
     */
    default WorkingImage prepare(RgbImage photo) {
        return WorkingImage.of(photo);
    }

    /** Forgets whatever the retoucher keeps about recent photos. */
    @Override
    void close();
}
