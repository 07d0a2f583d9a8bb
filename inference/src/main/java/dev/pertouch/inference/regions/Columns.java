package dev.pertouch.inference.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Column-by-column looks at a set of pixels: what lies just beyond its top or bottom edge. */
final class Columns {
    private Columns() {
    }

    /** How many columns hold part of the set, and the set's edge row in those of them where the other set lies. */
    record Edges(int columns, List<Integer> met) {
        /** Whether the other set lies at the edge in at least this share of the set's columns. */
        boolean mostlyMet(double share) {
            return columns > 0 && met.size() >= share * columns;
        }
    }

    /**
     * In each column holding part of the set, its topmost row, kept when the {@code above} set lies at most
     * {@code reach} pixels above it. The predicates take pixel indices of a row-major w x h image.
     */
    static Edges topsUnder(IntPredicate inSet, IntPredicate above, int w, int h, int reach) {
        List<Integer> tops = new ArrayList<>();
        int columns = 0;
        for (int x = 0; x < w; x++) {
            int y = 0;
            while (y < h && !inSet.test(y * w + x)) {
                y++;
            }
            if (y == h) {
                continue;
            }
            columns++;
            for (int up = 1; up <= reach && y - up >= 0; up++) {
                if (above.test((y - up) * w + x)) {
                    tops.add(y);
                    break;
                }
            }
        }
        return new Edges(columns, tops);
    }

    /**
     * In each column holding part of the set, whether the {@code below} set lies at most {@code reach} pixels
     * under its lowest row: {@link #topsUnder} on the image turned upside down (rows kept are counted from the
     * bottom).
     */
    static Edges bottomsOver(IntPredicate inSet, IntPredicate below, int w, int h, int reach) {
        return topsUnder(i -> inSet.test(flip(i, w, h)), i -> below.test(flip(i, w, h)), w, h, reach);
    }

    private static int flip(int i, int w, int h) {
        return (h - 1 - i / w) * w + i % w;
    }
}
