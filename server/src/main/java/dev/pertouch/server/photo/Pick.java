package dev.pertouch.server.photo;

import dev.pertouch.server.http.ApiException;

import java.util.Locale;

/**
 * One picking gesture on the photo: a click ({@code x0, y0}) or a dragged box, in [0, 1] of the photo's width and
 * height, starting a new selection or added to or taken from the latest one (shift- and alt-click on the page).
 */
public record Pick(String how, double x0, double y0, double x1, double y1, Mode mode) {
    public enum Mode { NEW, ADD, REMOVE }

    public Pick {
        if (!"click".equals(how) && !"box".equals(how)) {
            throw ApiException.badRequest("invalid_pick", "A pick is a \"click\" or a \"box\".");
        }
        for (double v : new double[] {x0, y0, x1, y1}) {
            if (!(v >= 0 && v <= 1)) {
                throw ApiException.badRequest("invalid_pick", "Pick coordinates are fractions of the photo, in [0, 1].");
            }
        }
    }

    public static Mode mode(String value) {
        if (value == null || value.isBlank()) {
            return Mode.NEW;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_pick", "mode is \"new\", \"add\" or \"remove\".");
        }
    }
}
