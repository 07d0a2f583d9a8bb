package dev.pertouch.server.edit;

import dev.pertouch.server.http.ApiException;

import java.util.Locale;

/** How large a render is: a quick preview for interaction, or the photo's full resolution. */
public enum RenderSize {
    PREVIEW(1024),
    FULL(0);

    private final int maxSide;

    RenderSize(int maxSide) {
        this.maxSide = maxSide;
    }

    /** The long side in pixels; 0 means the photo's own size. */
    public int maxSide() {
        return maxSide;
    }

    public static RenderSize parse(String value) {
        if (value == null || value.isBlank()) {
            return PREVIEW;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_size", "size must be \"preview\" or \"full\".");
        }
    }
}
