package dev.pertouch.agent;

import dev.pertouch.inference.EditState;
import dev.pertouch.inference.image.RgbImage;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the agent may know about the photo being edited: which regions it has (always {@code global}, listed
 * first), their measured, normalized values, which relative words such as "brighter" start from, and optionally
 * the look the user kept for similar photos, which "make it look better" starts from, and optionally the photo
 * itself, which a model that can see is shown.
 *
 * @param suggested a state remembered from the user's similar photos ({@code dev.pertouch.agent.scene}), or null
 * @param photo     the photo as uploaded (upright sRGB; the agent scales it down before sending it), or null
 */
public record PhotoContext(Set<String> regionIds, EditState.Baseline baseline, EditState suggested,
                           RgbImage photo) {
    /** The named regions the region finder can produce; a photo without one of them has no such region. */
    public static final List<String> NAMED_REGIONS =
            List.of("subject", "person", "sky", "vegetation", "water", "background");

    public PhotoContext {
        Objects.requireNonNull(baseline, "baseline");
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        ids.add(EditState.GLOBAL);
        ids.addAll(regionIds);
        regionIds = Collections.unmodifiableSet(ids);
    }

    /** A photo with nothing remembered for it, known by its regions and values alone. */
    public PhotoContext(Set<String> regionIds, EditState.Baseline baseline) {
        this(regionIds, baseline, null, null);
    }

    /** A photo known by its regions and values alone. */
    public PhotoContext(Set<String> regionIds, EditState.Baseline baseline, EditState suggested) {
        this(regionIds, baseline, suggested, null);
    }

    /** The same photo, with a state remembered from the user's similar photos. */
    public PhotoContext withSuggestion(EditState suggested) {
        return new PhotoContext(regionIds, baseline, Objects.requireNonNull(suggested, "suggested"), photo);
    }

    /** The same photo, with its pixels for a model that can see. */
    public PhotoContext withPhoto(RgbImage photo) {
        return new PhotoContext(regionIds, baseline, suggested, Objects.requireNonNull(photo, "photo"));
    }

    /**
     * For planning without a photo (the {@code plan} command without {@code --image}): every named region is
     * assumed present, each measured at the calibrated median.
     */
    public static PhotoContext withoutPhoto() {
        return new PhotoContext(new LinkedHashSet<>(NAMED_REGIONS), EditState.Baseline.MEDIAN);
    }

    public boolean has(String region) {
        return regionIds.contains(region);
    }
}
