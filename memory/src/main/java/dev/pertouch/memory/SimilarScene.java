package dev.pertouch.memory;

import java.util.Objects;

/** One of the user's remembered scenes and how like the asked-about scene it is, in [0, 1]. */
public record SimilarScene(SceneRecord record, double similarity) {

    public SimilarScene {
        Objects.requireNonNull(record, "record");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("a similarity lies in [0, 1], not " + similarity);
        }
    }
}
