package dev.pertouch.inference.render;

/**
 * The retouch operators' settings for one region; all zero leaves a pixel as it is.
 *
 * @param warmth     white balance along the Planckian locus, in 100-mired steps (positive is warmer)
 * @param tone       strength of the exposure curve {@code Y (1 + k) / (1 + k Y / 255)}: positive brightens, negative
 *                   darkens, black and white stay in place
 * @param detail     local contrast: the gain of the detail layer minus one
 * @param saturation the gain of chroma around luma minus one
 */
record OperatorSettings(double warmth, double tone, double detail, double saturation) {
    public static final OperatorSettings IDENTITY = new OperatorSettings(0, 0, 0, 0);
    public static final int COUNT = 4;

    public double get(int operator) {
        return switch (operator) {
            case 0 -> warmth;
            case 1 -> tone;
            case 2 -> detail;
            case 3 -> saturation;
            default -> throw new IndexOutOfBoundsException(operator);
        };
    }

    public double[] toArray() {
        return new double[] {warmth, tone, detail, saturation};
    }

    public boolean isIdentity() {
        return warmth == 0 && tone == 0 && detail == 0 && saturation == 0;
    }
}
