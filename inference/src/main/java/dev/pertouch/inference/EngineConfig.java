package dev.pertouch.inference;

import java.nio.file.Path;

/**
 * How to start a {@link RetouchEngine}.
 *
 * @param calibrationTable a table written by {@link Calibration#write(Path)}; {@code null} uses the bundled default
 * @param preferGpu        render on the first GPU when DJL reports one
 */
public record EngineConfig(Path calibrationTable, boolean preferGpu) {
    public static EngineConfig defaults() {
        return new EngineConfig(null, true);
    }
}
