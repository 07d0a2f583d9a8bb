package dev.pertouch.inference.image;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Builds test inputs byte by byte: real encodings from ImageIO, then patched the way hostile or odd files are. */
final class CodecFixtures {
    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;

    private CodecFixtures() {
    }

    /** Four flat quadrants: red top-left, green top-right, blue bottom-left, white bottom-right. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean bottom = y >= height / 2;
                image.setRGB(x, y, bottom ? (right ? WHITE : BLUE) : (right ? GREEN : RED));
            }
        }
        return image;
    }

    /** A smooth but busy picture, so that JPEG has real entropy-coded data to cut. */
    static BufferedImage texture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (127 + 120 * Math.sin(x * 0.05 + y * 0.11));
                int g = (x * 255 / width) ^ (y & 0x3F);
                int b = (x * 7 + y * 13) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    static byte[] write(RenderedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A JPEG of a raw four-channel raster: ImageIO writes it as CMYK without any colour conversion. */
    static byte[] writeJpegRaster(WritableRaster raster) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] resource(String name) {
        try (InputStream in = CodecFixtures.class.getResourceAsStream("/codec/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource codec/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- PNG surgery

    static int pngChunkOffset(byte[] png, String type) {
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return pos;
            }
            pos += 12 + length;
        }
        throw new IllegalArgumentException("no " + type + " chunk");
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        chunk.putInt(data.length).put(name).put(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Inserts a chunk right after IHDR, where ancillary chunks such as iCCP and zTXt live. */
    static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        int afterHeader = pngChunkOffset(png, "IHDR") + 12 + 13;
        return splice(png, afterHeader, pngChunk(type, data));
    }

    /** Rewrites the size IHDR declares (and its CRC), leaving the pixel data as it was. */
    static byte[] withDeclaredSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        int ihdr = pngChunkOffset(patched, "IHDR");
        ByteBuffer.wrap(patched, ihdr + 8, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(patched, ihdr + 4, 4 + 13);
        ByteBuffer.wrap(patched, ihdr + 8 + 13, 4).putInt((int) crc.getValue());
        return patched;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** iCCP chunk data: a profile name, NUL, compression method 0, the zlib-compressed profile. */
    static byte[] iccpData(byte[] profile) {
        return concat("profile\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(profile));
    }

    // ---- JPEG surgery

    /** Inserts a marker segment right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return splice(jpeg, 2, segment.array());
    }

    /** An APP1 Exif payload whose first IFD holds only the orientation tag. */
    static byte[] exifOrientation(int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4)
                .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        tiff.put(littleEndian ? "II".getBytes(StandardCharsets.ISO_8859_1) : "MM".getBytes(StandardCharsets.ISO_8859_1));
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** An APP2 payload carrying a whole ICC profile in one chunk. */
    static byte[] iccSegment(byte[] profile) {
        return concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1}, profile);
    }

    static int jpegSegmentOffset(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos + 1] & 0xFF) == marker) {
                return pos;
            }
            pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF);
        }
        throw new IllegalArgumentException("no marker " + Integer.toHexString(marker));
    }

    // ---- ICC

    /**
     * A minimal CMYK printer profile (ICC v2, one 2-point lut8 A2B0) that prints cyan ink as pure blue, so a
     * decoder that ignores the profile and does the naive CMYK arithmetic shows cyan instead. No ink is paper white;
     * any black ink is black; every other ink mix is mid grey.
     */
    static byte[] blueCyanCmykProfile() {
        byte[] desc = textDescription("cyan prints blue");
        byte[] white = xyz(0.9642, 1.0, 0.8249);
        byte[] copyright = concat("text\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                "No copyright, test data\0".getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer lut = ByteBuffer.allocate(48 + 4 * 256 + 16 * 3 + 3 * 256);
        lut.put("mft1".getBytes(StandardCharsets.ISO_8859_1)).putInt(0);
        lut.put((byte) 4).put((byte) 3).put((byte) 2).put((byte) 0);
        for (int i = 0; i < 9; i++) {
            lut.putInt(i % 4 == 0 ? 0x10000 : 0);
        }
        for (int channel = 0; channel < 4; channel++) {
            for (int i = 0; i < 256; i++) {
                lut.put((byte) i);
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int m = 0; m < 2; m++) {
                for (int y = 0; y < 2; y++) {
                    for (int k = 0; k < 2; k++) {
                        int[] lab = k == 1 ? new int[] {0, 128, 128}
                                : c + m + y == 0 ? new int[] {255, 128, 128}
                                : c == 1 && m + y == 0 ? new int[] {76, 128 + 68, 128 - 112}
                                : new int[] {128, 128, 128};
                        lut.put((byte) lab[0]).put((byte) lab[1]).put((byte) lab[2]);
                    }
                }
            }
        }
        for (int channel = 0; channel < 3; channel++) {
            for (int i = 0; i < 256; i++) {
                lut.put((byte) i);
            }
        }
        return iccProfile("prtr", "CMYK", "Lab ",
                new String[] {"desc", "wtpt", "cprt", "A2B0"}, new byte[][] {desc, white, copyright, lut.array()});
    }

    private static byte[] textDescription(String text) {
        byte[] ascii = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer tag = ByteBuffer.allocate(12 + ascii.length + 4 + 4 + 2 + 1 + 67);
        tag.put("desc".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(ascii.length).put(ascii);
        return tag.array();
    }

    private static byte[] xyz(double x, double y, double z) {
        return ByteBuffer.allocate(20).put("XYZ ".getBytes(StandardCharsets.ISO_8859_1)).putInt(0)
                .putInt((int) Math.round(x * 65536)).putInt((int) Math.round(y * 65536))
                .putInt((int) Math.round(z * 65536)).array();
    }

    private static byte[] iccProfile(String deviceClass, String colourSpace, String connection, String[] tags,
                                     byte[][] data) {
        int tableEnd = 128 + 4 + 12 * tags.length;
        int[] offsets = new int[tags.length];
        int size = tableEnd;
        for (int i = 0; i < tags.length; i++) {
            size = (size + 3) & ~3;
            offsets[i] = size;
            size += data[i].length;
        }
        ByteBuffer profile = ByteBuffer.allocate(size);
        profile.putInt(size).putInt(0).putInt(0x02100000);
        profile.put(deviceClass.getBytes(StandardCharsets.ISO_8859_1));
        profile.put(colourSpace.getBytes(StandardCharsets.ISO_8859_1));
        profile.put(connection.getBytes(StandardCharsets.ISO_8859_1));
        profile.putShort((short) 2024).putShort((short) 1).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        profile.put("acsp".getBytes(StandardCharsets.ISO_8859_1));
        profile.position(68);
        profile.put(Arrays.copyOfRange(xyz(0.9642, 1.0, 0.8249), 8, 20));
        profile.position(128);
        profile.putInt(tags.length);
        for (int i = 0; i < tags.length; i++) {
            profile.put(tags[i].getBytes(StandardCharsets.ISO_8859_1)).putInt(offsets[i]).putInt(data[i].length);
        }
        for (int i = 0; i < tags.length; i++) {
            profile.position(offsets[i]);
            profile.put(data[i]);
        }
        return profile.array();
    }

    // ---- bytes

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        return concat(Arrays.copyOfRange(bytes, 0, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
