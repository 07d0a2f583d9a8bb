package dev.pertouch.inference.image;

import static dev.pertouch.inference.image.CodecFixtures.BLUE;
import static dev.pertouch.inference.image.CodecFixtures.GREEN;
import static dev.pertouch.inference.image.CodecFixtures.RED;
import static dev.pertouch.inference.image.CodecFixtures.WHITE;
import static dev.pertouch.inference.image.CodecFixtures.quadrants;
import static dev.pertouch.inference.image.CodecFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageCodecDecodingTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static DecodedImage decode(byte[] bytes) throws ImageRejectedException {
        return ImageCodec.decode(bytes, LIMITS);
    }

    /** Largest per-channel difference between two packed RGB colours. */
    private static int distance(int a, int b) {
        return Math.max(Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)),
                Math.max(Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)), Math.abs((a & 0xFF) - (b & 0xFF))));
    }

    private static void assertColour(int expected, int actual, int tolerance) {
        assertTrue(distance(expected, actual) <= tolerance,
                String.format("expected #%06X within %d, got #%06X", expected, tolerance, actual));
    }

    private static int grey(int v) {
        return v << 16 | v << 8 | v;
    }

    @Test
    void aPngDecodesToExactlyItsPixels() throws Exception {
        BufferedImage original = CodecFixtures.texture(97, 41);
        DecodedImage decoded = decode(write(original, "png"));
        assertEquals("png", decoded.format());
        assertEquals(1, decoded.orientation());
        int[] expected = original.getRGB(0, 0, 97, 41, null, 0, 97);
        for (int i = 0; i < expected.length; i++) {
            expected[i] &= 0xFFFFFF;
        }
        assertArrayEquals(expected, decoded.image().pixels());
    }

    @Test
    void aJpegDecodesCloseToItsPixels() throws Exception {
        DecodedImage decoded = decode(write(quadrants(64, 48), "jpeg"));
        assertEquals("jpeg", decoded.format());
        assertEquals(64, decoded.image().width());
        assertEquals(48, decoded.image().height());
        assertColour(RED, decoded.image().rgb(8, 8), 8);
        assertColour(GREEN, decoded.image().rgb(56, 8), 8);
        assertColour(BLUE, decoded.image().rgb(8, 40), 8);
        assertColour(WHITE, decoded.image().rgb(56, 40), 8);
    }

    @Test
    void aOneByOneImageDecodes() throws Exception {
        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        dot.setRGB(0, 0, 0x123456);
        RgbImage png = decode(write(dot, "png")).image();
        assertEquals(1, png.width());
        assertEquals(1, png.height());
        assertEquals(0x123456, png.rgb(0, 0));
        RgbImage jpeg = decode(write(dot, "jpeg")).image();
        assertEquals(1, jpeg.pixelCount());
        assertColour(0x123456, jpeg.rgb(0, 0), 12);
    }

    @Test
    void aTwentyThousandByOneStripDecodesAtTheSideLimit() throws Exception {
        BufferedImage strip = new BufferedImage(20_000, 1, BufferedImage.TYPE_INT_RGB);
        strip.setRGB(19_999, 0, 0xABCDEF);
        RgbImage image = decode(write(strip, "png")).image();
        assertEquals(20_000, image.width());
        assertEquals(1, image.height());
        assertEquals(0xABCDEF, image.rgb(19_999, 0));
    }

    @Test
    void sixteenBitRgbPngIsRoundedToEightBits() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                ComponentColorModel.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(3, 1);
        raster.setPixel(0, 0, new int[] {0xFFFF, 0x8080, 0x0000});
        raster.setPixel(1, 0, new int[] {0x1234, 0x7F7F, 0x00FF});
        raster.setPixel(2, 0, new int[] {0x0080, 0x8000, 0xFF7F});
        byte[] png = write(new BufferedImage(model, raster, false, null), "png");
        assertEquals(16, png[24], "the fixture is a 16-bit PNG");
        RgbImage image = decode(png).image();
        assertEquals(0xFF8000, image.rgb(0, 0));
        assertEquals(0x127F01, image.rgb(1, 0));
        assertEquals(0x0080FF, image.rgb(2, 0));
    }

    @Test
    void greyPngKeepsItsValuesRatherThanTreatingThemAsLinearLight() throws Exception {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 100, 255});
        RgbImage image = decode(write(grey, "png")).image();
        assertArrayEquals(new int[] {0, grey(100), grey(255)}, image.pixels());
    }

    @Test
    void oneBitBlackAndWhitePngDecodes() throws Exception {
        BufferedImage bits = new BufferedImage(9, 1, BufferedImage.TYPE_BYTE_BINARY);
        bits.getRaster().setSample(3, 0, 0, 1);
        RgbImage image = decode(write(bits, "png")).image();
        assertEquals(0, image.rgb(2, 0));
        assertEquals(WHITE, image.rgb(3, 0));
    }

    @Test
    void sixteenBitGreyPngDecodes() throws Exception {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0x8000, 0xFFFF});
        assertArrayEquals(new int[] {grey(128), grey(255)}, decode(write(grey, "png")).image().pixels());
    }

    @Test
    void greyJpegDecodesToEqualChannels() throws Exception {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setSample(x, y, 0, 90);
            }
        }
        RgbImage image = decode(write(grey, "jpeg")).image();
        assertColour(grey(90), image.rgb(5, 5), 2);
        int pixel = image.rgb(5, 5);
        assertTrue((pixel >> 16 & 0xFF) == (pixel & 0xFF) && (pixel >> 8 & 0xFF) == (pixel & 0xFF));
    }

    @Test
    void palettePngWithTransparentEntriesIsCompositedOverWhite() throws Exception {
        byte[] r = {(byte) 255, 0, 0, 0};
        byte[] g = {0, (byte) 255, 0, 0};
        byte[] b = {0, 0, (byte) 255, 0};
        byte[] a = {(byte) 255, (byte) 255, (byte) 128, 0};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b, a);
        BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 1, 2, 3});
        RgbImage image = decode(write(indexed, "png")).image();
        assertEquals(RED, image.rgb(0, 0));
        assertEquals(GREEN, image.rgb(1, 0));
        assertColour(0x7F7FFF, image.rgb(2, 0), 1);
        assertEquals(WHITE, image.rgb(3, 0));
    }

    @Test
    void alphaIsCompositedOverWhite() throws Exception {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF204080);
        argb.setRGB(1, 0, 0x80000000);
        argb.setRGB(2, 0, 0x00000000);
        RgbImage image = decode(write(argb, "png")).image();
        assertEquals(0x204080, image.rgb(0, 0));
        assertColour(grey(127), image.rgb(1, 0), 1);
        assertEquals(WHITE, image.rgb(2, 0));
    }

    @Test
    void animatedGifGivesItsFirstFrame() throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int colour : new int[] {RED, BLUE, GREEN}) {
                BufferedImage frame = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 6; y++) {
                    for (int x = 0; x < 10; x++) {
                        frame.setRGB(x, y, colour);
                    }
                }
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        DecodedImage decoded = decode(bytes.toByteArray());
        assertEquals("gif", decoded.format());
        assertEquals(10, decoded.image().width());
        assertEquals(RED, decoded.image().rgb(4, 3));
    }

    @Test
    void bmpDecodes() throws Exception {
        BufferedImage original = quadrants(12, 8);
        DecodedImage decoded = decode(write(original, "bmp"));
        assertEquals("bmp", decoded.format());
        assertEquals(RED, decoded.image().rgb(0, 0));
        assertEquals(WHITE, decoded.image().rgb(11, 7));
    }

    @Test
    void invertedCmykJpegIsConvertedLikeBrowsersDo() throws Exception {
        // Stored as Photoshop stores ink, inverted: 255 is no ink. (200, 40, 40) in naive CMYK is C 0, M Y 80%, K 22%.
        WritableRaster ink = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                ink.setPixel(x, y, new int[] {255, 51, 51, 200});
            }
        }
        DecodedImage decoded = decode(CodecFixtures.writeJpegRaster(ink));
        assertEquals("jpeg", decoded.format());
        assertColour(0xC82828, decoded.image().rgb(8, 8), 3);
    }

    @Test
    void ycckJpegFromImageMagickIsConverted() throws Exception {
        // ycck-red-blue.jpg: ImageMagick 6.9, `convert` of rgb(200,40,40) | rgb(30,120,220) with -colorspace CMYK.
        RgbImage image = decode(CodecFixtures.resource("ycck-red-blue.jpg")).image();
        assertEquals(32, image.width());
        assertColour(0xC82828, image.rgb(4, 8), 4);
        assertColour(0x1E78DC, image.rgb(27, 8), 4);
    }

    @Test
    void cmykJpegWithAnEmbeddedProfileUsesTheProfile() throws Exception {
        WritableRaster ink = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                ink.setPixel(x, y, x < 16 ? new int[] {0, 255, 255, 255} : new int[] {255, 255, 255, 255});
            }
        }
        byte[] jpeg = CodecFixtures.withSegment(CodecFixtures.writeJpegRaster(ink), 0xE2,
                CodecFixtures.iccSegment(CodecFixtures.blueCyanCmykProfile()));
        RgbImage image = decode(jpeg).image();
        int cyanInk = image.rgb(6, 8);
        assertTrue((cyanInk & 0xFF) > 200 && (cyanInk >> 8 & 0xFF) < 90 && (cyanInk >> 16 & 0xFF) < 90,
                String.format("cyan ink under this profile prints blue, got #%06X", cyanInk));
        assertColour(WHITE, image.rgb(26, 8), 6);
    }

    @Test
    void pngWithAnEmbeddedLinearProfileIsConvertedToSrgb() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.setRGB(x, y, grey(128));
            }
        }
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] png = CodecFixtures.withChunkAfterHeader(write(grey, "png"), "iCCP", CodecFixtures.iccpData(linear));
        // 128 of linear light is 0.502, which sRGB encodes as 0.735: 188.
        assertColour(grey(188), decode(png).image().rgb(1, 1), 2);
    }

    @Test
    void jpegWithAnEmbeddedLinearProfileIsConvertedToSrgb() throws Exception {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                grey.setRGB(x, y, grey(128));
            }
        }
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] jpeg = CodecFixtures.withSegment(write(grey, "jpeg"), 0xE2, CodecFixtures.iccSegment(linear));
        assertColour(grey(188), decode(jpeg).image().rgb(8, 8), 3);
    }

    @Test
    void pngTaggedWithAnSrgbProfileKeepsItsValuesExactly() throws Exception {
        BufferedImage ramp = new BufferedImage(256, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 256; x++) {
            ramp.setRGB(x, 0, x << 16 | (255 - x) << 8 | (x * 7 & 0xFF));
        }
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] png = CodecFixtures.withChunkAfterHeader(write(ramp, "png"), "iCCP", CodecFixtures.iccpData(srgb));
        int[] expected = ramp.getRGB(0, 0, 256, 1, null, 0, 256);
        for (int i = 0; i < expected.length; i++) {
            expected[i] &= 0xFFFFFF;
        }
        assertArrayEquals(expected, decode(png).image().pixels());
    }

    @Test
    void aCompressedTextBombIsNeverInflated() throws Exception {
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0},
                new byte[] {0, 0});
        BufferedImage indexed = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(1, 1, 0, 1);
        byte[] text = CodecFixtures.concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1),
                CodecFixtures.deflate(new byte[64 << 20]));
        byte[] png = CodecFixtures.withChunkAfterHeader(write(indexed, "png"), "zTXt", text);
        assertTrue(png.length < 100_000, "64 MB of text compresses to " + png.length + " bytes");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        RgbImage image = decode(png).image();

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 8 << 20, "decoding allocated " + allocated + " bytes");
        assertEquals(RED, image.rgb(1, 1));
        assertEquals(0, image.rgb(0, 0));
    }
}
