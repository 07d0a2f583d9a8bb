package dev.pertouch.inference.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Column-by-column looks at a set of pixels: what lies just above its top edge. */
final class Columns {
    private Columns() {
    }

    /** How many columns hold part of the set, and the set's topmost row in those of them with sky above it. */
    record Tops(int columns, List<Integer> underSky) {
        /** Whether the set's top lies under sky in at least this share of its columns. */
        boolean mostlyUnderSky(double share) {
            return columns > 0 && underSky.size() >= share * columns;
        }
    }

    /**
     * In each column holding part of the set, its topmost row, kept when sky lies at most {@code reach} pixels
     * above it. The predicates take pixel indices of a row-major w x h image.
     */
    static Tops underSky(IntPredicate inSet, IntPredicate sky, int w, int h, int reach) {
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
                if (sky.test((y - up) * w + x)) {
                    tops.add(y);
                    break;
                }
            }
        }
        return new Tops(columns, tops);
    }
}
