package dev.pertouch.inference.image;

import static dev.pertouch.inference.image.CodecFixtures.ascii;
import static dev.pertouch.inference.image.CodecFixtures.concat;
import static dev.pertouch.inference.image.CodecFixtures.quadrants;
import static dev.pertouch.inference.image.CodecFixtures.texture;
import static dev.pertouch.inference.image.CodecFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ImageCodecRejectionTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static ImageRejectedException rejected(byte[] bytes) {
        return assertThrows(ImageRejectedException.class, () -> ImageCodec.decode(bytes, LIMITS));
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        ImageRejectedException e = rejected(new byte[0]);
        assertEquals("empty_file", e.code());
        assertEquals("The file is empty; upload a JPEG or PNG photo.", e.getMessage());
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeLookingInside() {
        byte[] png = write(quadrants(64, 64), "png");
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> ImageCodec.decode(png, new DecodeLimits(png.length - 1, 50_000_000, 20_000)));
        assertEquals("file_too_large", e.code());
    }

    @Test
    @Timeout(5)
    void aPngDeclaring50000By50000IsRefusedFromItsHeaderAlone() {
        byte[] bomb = CodecFixtures.withDeclaredSize(write(quadrants(2, 2), "png"), 50_000, 50_000);
        ImageRejectedException e = rejected(bomb);
        assertEquals("too_many_pixels", e.code());
        assertTrue(e.getMessage().contains("50000 x 50000"), e.getMessage());
    }

    @Test
    void aJpegDeclaringMoreThanTheLimitIsRefusedFromItsFrameHeader() {
        byte[] jpeg = write(quadrants(16, 16), "jpeg");
        int frame = CodecFixtures.jpegSegmentOffset(jpeg, 0xC0);
        ByteBuffer.wrap(jpeg, frame + 5, 4).putShort((short) 60_000).putShort((short) 60_000);
        assertEquals("too_many_pixels", rejected(jpeg).code());
    }

    @Test
    void aSideLongerThanTheLimitIsRefusedEvenWhenThePixelCountIsSmall() {
        byte[] strip = CodecFixtures.withDeclaredSize(write(quadrants(2, 1), "png"), 20_001, 1);
        assertEquals("too_many_pixels", rejected(strip).code());
    }

    @Test
    void aTruncatedJpegIsRefusedInsteadOfDecodedHalfGrey() {
        byte[] jpeg = write(texture(256, 256), "jpeg");
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 6 / 10);
        ImageRejectedException e = rejected(cut);
        assertEquals("truncated_image", e.code());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void aJpegCutInsideItsHeaderIsTruncated() {
        byte[] jpeg = write(texture(64, 64), "jpeg");
        assertEquals("truncated_image", rejected(Arrays.copyOf(jpeg, 40)).code());
    }

    @Test
    void aTruncatedPngIsRefused() {
        byte[] png = write(texture(256, 256), "png");
        assertEquals("truncated_image", rejected(Arrays.copyOf(png, png.length / 2)).code());
    }

    @Test
    void aPngMissingOnlyItsEndChunkIsStillTruncated() {
        byte[] png = write(texture(64, 64), "png");
        int end = CodecFixtures.pngChunkOffset(png, "IEND");
        assertEquals("truncated_image", rejected(Arrays.copyOf(png, end)).code());
    }

    @Test
    void aJpegWithThousandsOfScansIsRefusedBeforeDecoding() {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] emptyScan = {(byte) 0xFF, (byte) 0xDA, 0, 2, 0x12, 0x34};
        for (int i = 0; i < 5000; i++) {
            jpeg.writeBytes(emptyScan);
        }
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        ImageRejectedException e = rejected(jpeg.toByteArray());
        assertEquals("not_an_image", e.code());
        assertTrue(e.getMessage().contains("scans"), e.getMessage());
    }

    @Test
    void aDamagedJpegBodyIsNotAnImageRatherThanACrash() {
        byte[] jpeg = write(texture(64, 64), "jpeg");
        int tables = CodecFixtures.jpegSegmentOffset(jpeg, 0xC4);
        Arrays.fill(jpeg, tables + 4, tables + 40, (byte) 0x7F);
        assertEquals("not_an_image", rejected(jpeg).code());
    }

    @Test
    void svgIsRefusedByNameWhateverItsExtension() {
        ImageRejectedException e = rejected(ascii("<?xml version=\"1.0\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>"));
        assertEquals("unsupported_format", e.code());
        assertEquals("SVG files are not accepted; upload a JPEG or PNG photo.", e.getMessage());
    }

    @Test
    void htmlRenamedToJpgIsNotAnImage() {
        ImageRejectedException e = rejected(ascii("\uFEFF  <!DOCTYPE html><html><body><script>alert(document.cookie)"
                + "</script></body></html>"));
        assertEquals("not_an_image", e.code());
        assertEquals("This file is an HTML page, not an image; upload a JPEG or PNG photo.", e.getMessage());
    }

    @Test
    void aZipHoldingAJpegIsNotAnImage() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("photo.jpg"));
            out.write(write(quadrants(8, 8), "jpeg"));
            out.closeEntry();
        }
        ImageRejectedException e = rejected(zip.toByteArray());
        assertEquals("not_an_image", e.code());
        assertTrue(e.getMessage().contains("ZIP archive"), e.getMessage());
    }

    @Test
    void webpIsRefusedAsUnsupported() {
        byte[] webp = concat(ascii("RIFF"), new byte[] {40, 0, 0, 0}, ascii("WEBPVP8 "), new byte[32]);
        ImageRejectedException e = rejected(webp);
        assertEquals("unsupported_format", e.code());
        assertEquals("WebP images are not accepted; upload a JPEG or PNG photo.", e.getMessage());
    }

    @Test
    void heicIsRefusedAsUnsupported() {
        byte[] heic = concat(new byte[] {0, 0, 0, 24}, ascii("ftypheic"), new byte[] {0, 0, 0, 0},
                ascii("mif1heic"), new byte[16]);
        ImageRejectedException e = rejected(heic);
        assertEquals("unsupported_format", e.code());
        assertTrue(e.getMessage().startsWith("HEIC/HEIF photos are not accepted"), e.getMessage());
    }

    @Test
    void tiffIsRefusedEvenThoughImageIoCouldReadIt() {
        ImageRejectedException e = rejected(write(quadrants(8, 8), "tiff"));
        assertEquals("unsupported_format", e.code());
        assertTrue(e.getMessage().startsWith("TIFF"), e.getMessage());
    }

    @Test
    void plainTextIsNotAnImage() {
        ImageRejectedException e = rejected(ascii("make the sky bluer please\n"));
        assertEquals("not_an_image", e.code());
        assertTrue(e.getMessage().contains("text file"), e.getMessage());
    }

    @Test
    void unrecognisedBinaryIsNotAnImage() {
        byte[] noise = new byte[300];
        new Random(7).nextBytes(noise);
        noise[0] = 0x13;
        noise[5] = 0;
        ImageRejectedException e = rejected(noise);
        assertEquals("not_an_image", e.code());
        assertEquals("This file is not an image that can be read; upload a JPEG or PNG photo.", e.getMessage());
    }
}
