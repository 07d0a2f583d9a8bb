package dev.pertouch.inference.image;

import static dev.pertouch.inference.image.CodecFixtures.BLUE;
import static dev.pertouch.inference.image.CodecFixtures.GREEN;
import static dev.pertouch.inference.image.CodecFixtures.RED;
import static dev.pertouch.inference.image.CodecFixtures.WHITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 64 x 32 photo stored with red, green, blue and white quadrants (top-left, top-right, bottom-left,
 * bottom-right), tagged with each EXIF orientation, must come out as a viewer shows it. The expected corners follow
 * the EXIF 2.3 wording, e.g. 6: "the 0th row is the visual right-hand side, the 0th column is the visual top".
 */
class ImageCodecOrientationTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 32;

    @ParameterizedTest(name = "orientation {0} ({1} endian)")
    @CsvSource({
            "1, big,    RED,   GREEN, BLUE,  WHITE",
            "2, big,    GREEN, RED,   WHITE, BLUE",
            "3, big,    WHITE, BLUE,  GREEN, RED",
            "4, big,    BLUE,  WHITE, RED,   GREEN",
            "5, big,    RED,   BLUE,  GREEN, WHITE",
            "6, big,    BLUE,  RED,   WHITE, GREEN",
            "7, big,    WHITE, GREEN, BLUE,  RED",
            "8, big,    GREEN, WHITE, RED,   BLUE",
            "6, little, BLUE,  RED,   WHITE, GREEN",
            "8, little, GREEN, WHITE, RED,   BLUE",
    })
    void exifOrientationIsAppliedSoThePhotoIsUpright(int orientation, String endian, String topLeft,
                                                    String topRight, String bottomLeft, String bottomRight)
            throws ImageRejectedException {
        byte[] jpeg = CodecFixtures.withSegment(CodecFixtures.write(CodecFixtures.quadrants(WIDTH, HEIGHT), "jpeg"),
                0xE1, CodecFixtures.exifOrientation(orientation, endian.equals("little")));

        DecodedImage decoded = ImageCodec.decode(jpeg, DecodeLimits.defaults());

        assertEquals(orientation, decoded.orientation());
        RgbImage image = decoded.image();
        boolean turned = orientation >= 5;
        assertEquals(turned ? HEIGHT : WIDTH, image.width());
        assertEquals(turned ? WIDTH : HEIGHT, image.height());
        int w = image.width();
        int h = image.height();
        assertNear(colour(topLeft), image.rgb(w / 4, h / 4), "top left");
        assertNear(colour(topRight), image.rgb(w * 3 / 4, h / 4), "top right");
        assertNear(colour(bottomLeft), image.rgb(w / 4, h * 3 / 4), "bottom left");
        assertNear(colour(bottomRight), image.rgb(w * 3 / 4, h * 3 / 4), "bottom right");
    }

    private static int colour(String name) {
        return switch (name) {
            case "RED" -> RED;
            case "GREEN" -> GREEN;
            case "BLUE" -> BLUE;
            default -> WHITE;
        };
    }

    private static void assertNear(int expected, int actual, String corner) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int difference = Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF));
            assertTrue(difference <= 10, String.format("%s: expected #%06X, got #%06X", corner, expected, actual));
        }
    }
}
