package dev.pertouch.inference.image;

import dev.pertouch.inference.image.ImageRejectedException.Reason;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns uploaded bytes into an upright 8-bit sRGB {@link RgbImage}, and images back into PNG or JPEG bytes.
 *
 * <p>Uploads come from anyone, so nothing is trusted: the format is sniffed from the bytes (never the file name),
 * the file structure is walked to find truncation before any pixel is decoded, and the dimensions the header
 * declares are checked against {@link DecodeLimits} before ImageIO allocates anything. JPEG and PNG are the formats
 * photos arrive in; GIF (its first frame) and BMP decode too; every other format is refused with a sentence naming
 * it. Colour is normalised on the way in: EXIF orientation applied, CMYK and YCCK JPEGs converted (through their
 * embedded profile when they carry one), embedded RGB profiles converted to sRGB, 16-bit, grey, palette and alpha
 * (composited over white) all flattened to 8-bit RGB.
 */
public final class ImageCodec {
    private static final String ADVICE = "upload a JPEG or PNG photo.";
    /** Real progressive JPEGs use about ten scans; each scan is another pass, so thousands make a small file slow. */
    private static final int MAX_JPEG_SCANS = 256;
    /** Real ICC profiles are at most a few hundred kilobytes; a compressed one that inflates past this is hostile. */
    private static final int MAX_ICC_BYTES = 4 * 1024 * 1024;
    /** EXIF orientation 1..8 as the source step per output step: {dx/dx', dx/dy', dy/dx', dy/dy'}. */
    private static final int[][] ORIENTATION_STEPS = {
            null,
            {1, 0, 0, 1}, {-1, 0, 0, 1}, {-1, 0, 0, -1}, {1, 0, 0, -1},
            {0, 1, 1, 0}, {0, 1, -1, 0}, {0, -1, -1, 0}, {0, -1, 1, 0},
    };

    private ImageCodec() {
    }

    /**
     * Decodes an upload, refusing it with a reason and a human sentence when it is empty, too large, not an image,
     * an image format that is not accepted, cut off, or declares more pixels than {@code limits} allow.
     */
    public static DecodedImage decode(byte[] bytes, DecodeLimits limits) throws ImageRejectedException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(limits, "limits");
        if (bytes.length == 0) {
            throw new ImageRejectedException(Reason.EMPTY_FILE, "The file is empty; " + ADVICE);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejectedException(Reason.FILE_TOO_LARGE, String.format(Locale.ROOT,
                    "The file is %.1f MB; files up to %.1f MB are accepted.",
                    bytes.length / 1048576.0, limits.maxBytes() / 1048576.0));
        }
        FileKind kind = FileKind.sniff(bytes);
        return switch (kind) {
            case JPEG -> decodeJpeg(bytes, limits);
            case PNG -> decodePng(bytes, limits);
            case GIF, BMP -> new DecodedImage(
                    read(kind, bytes, limits, reader -> toRgb(reader.read(0), null)),
                    kind.format, 1);
            default -> throw kind.rejection();
        };
    }

    /** Encodes losslessly. */
    public static byte[] encodePng(RgbImage image) {
        return encode(image, "png", param -> { });
    }

    /** Encodes with the given quality in [0, 1] (0.9 is visually lossless for photos), chroma subsampled 4:2:0. */
    public static byte[] encodeJpeg(RgbImage image, float quality) {
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in [0, 1], got " + quality);
        }
        return encode(image, "jpeg", param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
        });
    }

    private static DecodedImage decodeJpeg(byte[] bytes, DecodeLimits limits) throws ImageRejectedException {
        JpegLayout layout = JpegLayout.of(bytes);
        RgbImage stored = read(FileKind.JPEG, bytes, limits, reader ->
                layout.components() == 4 ? inkToRgb(reader.readRaster(0, null), layout) : toRgb(reader.read(0), null));
        return new DecodedImage(orient(stored, layout.orientation()), FileKind.JPEG.format, layout.orientation());
    }

    private static DecodedImage decodePng(byte[] bytes, DecodeLimits limits) throws ImageRejectedException {
        PngLayout layout = PngLayout.of(bytes);
        RgbImage image = read(FileKind.PNG, bytes, limits,
                reader -> toRgb(reader.read(0), layout.colorSpace()));
        return new DecodedImage(image, FileKind.PNG.format, 1);
    }

    private interface ReadStep {
        RgbImage read(ImageReader reader) throws IOException;
    }

    /** Runs {@code step} on an ImageIO reader once the declared dimensions are known to be within limits. */
    private static RgbImage read(FileKind kind, byte[] bytes, DecodeLimits limits, ReadStep step)
            throws ImageRejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO reader for " + kind.format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // Metadata must be ignored: reading it inflates every zTXt chunk, and 64 kB of one inflate to 64 MB.
            reader.setInput(stream, true, true);
            checkDimensions(reader.getWidth(0), reader.getHeight(0), limits);
            return step.read(reader);
        } catch (IOException | RuntimeException e) {
            throw unreadable(kind, e);
        } finally {
            reader.dispose();
        }
    }

    private static void checkDimensions(int width, int height, DecodeLimits limits) throws ImageRejectedException {
        long pixels = (long) width * height;
        if (width > limits.maxSide() || height > limits.maxSide() || pixels > limits.maxPixels()) {
            throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "The image is %d x %d pixels (%.1f megapixels); images up to %.0f megapixels and %d pixels"
                            + " on a side are accepted.",
                    width, height, pixels / 1e6, limits.maxPixels() / 1e6, limits.maxSide()));
        }
    }

    private static ImageRejectedException unreadable(FileKind kind, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException) {
                return truncated(kind, e);
            }
        }
        return notReadable(kind, "is damaged or uses a variant that cannot be read", e);
    }

    private static ImageRejectedException truncated(FileKind kind, Exception cause) {
        return new ImageRejectedException(Reason.TRUNCATED_IMAGE, "The " + kind.label()
                + " image is cut off: the file ends before the picture does. Upload the complete file.", cause);
    }

    private static ImageRejectedException damaged(FileKind kind, String what) {
        return notReadable(kind, "is damaged: " + what, null);
    }

    private static ImageRejectedException notReadable(FileKind kind, String why, Exception cause) {
        return new ImageRejectedException(Reason.NOT_AN_IMAGE,
                "The file looks like a " + kind.label() + " image but " + why + "; " + ADVICE, cause);
    }

    private static RgbImage toRgb(BufferedImage image, ICC_ColorSpace embedded) {
        if (embedded != null && image.getColorModel() instanceof ComponentColorModel cm
                && cm.getNumColorComponents() == 3) {
            ColorModel tagged = new ComponentColorModel(embedded, cm.hasAlpha(), cm.isAlphaPremultiplied(),
                    cm.getTransparency(), cm.getTransferType());
            image = toSrgb(new BufferedImage(tagged, image.getRaster(), false, null));
        }
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel palette) {
            return paletteToRgb(image.getRaster(), palette);
        }
        ColorSpace space = model.getColorSpace();
        // Grey samples are taken as they are: Java's grey space is linear, but grey files are encoded like sRGB.
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            image = toSrgb(image);
            model = image.getColorModel();
        }
        if (model.isAlphaPremultiplied()) {
            image.coerceData(false);
            model = image.getColorModel();
        }
        return samplesToRgb(image.getRaster(), model);
    }

    private static BufferedImage toSrgb(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
        return new ColorConvertOp(null).filter(image, srgb);
    }

    /** Reads the raster's samples (grey or RGB, with or without alpha, any bit depth) into packed 8-bit RGB. */
    private static RgbImage samplesToRgb(WritableRaster raster, ColorModel model) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        boolean alpha = model.hasAlpha();
        boolean grey = bands - (alpha ? 1 : 0) == 1;
        int green = grey ? 0 : 1;
        int blue = grey ? 0 : 2;
        int alphaBand = alpha ? bands - 1 : 0;
        int[] out = new int[width * height];
        if (raster.getSampleModel() instanceof PixelInterleavedSampleModel layout
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && Arrays.stream(model.getComponentSize()).allMatch(bits -> bits == 8)) {
            // The common case (every 8-bit JPEG and PNG) read straight from the bytes: a per-sample call costs 3x.
            byte[] data = buffer.getData();
            int[] offsets = layout.getBandOffsets();
            int step = layout.getPixelStride();
            int rowStride = layout.getScanlineStride();
            int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * rowStride
                    - raster.getSampleModelTranslateX() * step;
            int r = offsets[0];
            int g = offsets[green];
            int b = offsets[blue];
            int a = offsets[alphaBand];
            for (int y = 0, o = 0; y < height; y++) {
                for (int x = 0, i = origin + y * rowStride; x < width; x++, i += step) {
                    out[o++] = overWhite(data[i + r] & 0xFF, data[i + g] & 0xFF, data[i + b] & 0xFF,
                            alpha ? data[i + a] & 0xFF : 255);
                }
            }
        } else {
            int[] max = new int[bands];
            for (int band = 0; band < bands; band++) {
                max[band] = (1 << model.getComponentSize(band)) - 1;
            }
            int[] row = new int[width * bands];
            for (int y = 0, o = 0; y < height; y++) {
                raster.getPixels(0, y, width, 1, row);
                for (int x = 0, i = 0; x < width; x++, i += bands) {
                    out[o++] = overWhite(to8(row[i], max[0]), to8(row[i + green], max[green]),
                            to8(row[i + blue], max[blue]), alpha ? to8(row[i + alphaBand], max[alphaBand]) : 255);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    private static int to8(int sample, int max) {
        return max == 255 ? sample : (sample * 255 + max / 2) / max;
    }

    private static RgbImage paletteToRgb(WritableRaster raster, IndexColorModel palette) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] argb = new int[palette.getMapSize()];
        palette.getRGBs(argb);
        // Indices past the palette's end are possible in damaged files; they show as black rather than failing.
        int[] colours = new int[Math.max(argb.length, 1 << raster.getSampleModel().getSampleSize(0))];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            colours[i] = overWhite(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF, c >>> 24);
        }
        int[] out = new int[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = colours[row[x]];
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Composites a straight-alpha colour over white, the page a transparent picture is seen on. */
    private static int overWhite(int r, int g, int b, int a) {
        if (a != 255) {
            int white = 255 * (255 - a) + 127;
            r = (r * a + white) / 255;
            g = (g * a + white) / 255;
            b = (b * a + white) / 255;
        }
        return r << 16 | g << 8 | b;
    }

    /**
     * Converts a four-channel JPEG raster (CMYK, or YCCK when the Adobe marker says so) to RGB. The channels are read
     * as inverted ink amounts, Photoshop's convention, which browsers apply to every CMYK JPEG.
     */
    private static RgbImage inkToRgb(Raster raster, JpegLayout layout) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] ink = new byte[width * height * 4];
        int[] row = new int[width * 4];
        for (int y = 0, o = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int i = 0; i < row.length; i += 4, o += 4) {
                if (layout.ycck()) {
                    // YCCK is inverted CMY encoded as if it were RGB, so its RGB decoding is the ink itself.
                    double luma = row[i];
                    double cb = row[i + 1] - 128.0;
                    double cr = row[i + 2] - 128.0;
                    ink[o] = (byte) clamp8(luma + 1.402 * cr);
                    ink[o + 1] = (byte) clamp8(luma - 0.344136 * cb - 0.714136 * cr);
                    ink[o + 2] = (byte) clamp8(luma + 1.772 * cb);
                } else {
                    ink[o] = (byte) (255 - row[i]);
                    ink[o + 1] = (byte) (255 - row[i + 1]);
                    ink[o + 2] = (byte) (255 - row[i + 2]);
                }
                ink[o + 3] = (byte) (255 - row[i + 3]);
            }
        }
        ICC_ColorSpace profile = usableColorSpace(layout.iccProfile(), ColorSpace.TYPE_CMYK);
        if (profile != null) {
            WritableRaster inks = Raster.createInterleavedRaster(new DataBufferByte(ink, ink.length), width, height,
                    width * 4, 4, new int[] {0, 1, 2, 3}, null);
            ColorModel model = new ComponentColorModel(profile, false, false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
            BufferedImage converted = toSrgb(new BufferedImage(model, inks, false, null));
            return samplesToRgb(converted.getRaster(), converted.getColorModel());
        }
        int[] out = new int[width * height];
        for (int p = 0, o = 0; p < out.length; p++, o += 4) {
            int paper = 255 - (ink[o + 3] & 0xFF);
            out[p] = (255 - (ink[o] & 0xFF)) * paper / 255 << 16
                    | (255 - (ink[o + 1] & 0xFF)) * paper / 255 << 8
                    | (255 - (ink[o + 2] & 0xFF)) * paper / 255;
        }
        return new RgbImage(width, height, out);
    }

    private static int clamp8(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
    }

    /** The embedded profile as a colour space, or null when it is absent, of another kind, or broken. */
    private static ICC_ColorSpace usableColorSpace(byte[] iccProfile, int colorSpaceType) {
        if (iccProfile == null) {
            return null;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(iccProfile);
            if (profile.getColorSpaceType() != colorSpaceType) {
                return null;
            }
            ICC_ColorSpace space = new ICC_ColorSpace(profile);
            space.toRGB(new float[space.getNumComponents()]);
            return space;
        } catch (IllegalArgumentException | CMMException e) {
            return null;
        }
    }

    /**
     * Whether an embedded RGB profile is one of the many copies of sRGB, which need no conversion. Their
     * descriptions all name it ("sRGB IEC61966-2.1", "sRGB built-in", ...); NUL bytes are dropped so the test reads
     * both the ASCII of version 2 profiles and the UTF-16 of version 4.
     */
    private static boolean describesSrgb(ICC_ColorSpace space) {
        byte[] description = space.getProfile().getData(ICC_Profile.icSigProfileDescriptionTag);
        if (description == null) {
            return false;
        }
        String text = new String(description, StandardCharsets.ISO_8859_1).replace("\0", "");
        return text.contains("sRGB") && !text.toLowerCase(Locale.ROOT).contains("linear");
    }

    private static RgbImage orient(RgbImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int[] steps = ORIENTATION_STEPS[orientation];
        int width = image.width();
        int height = image.height();
        boolean turned = orientation >= 5;
        int outWidth = turned ? height : width;
        int outHeight = turned ? width : height;
        int startX = steps[0] < 0 || steps[1] < 0 ? width - 1 : 0;
        int startY = steps[2] < 0 || steps[3] < 0 ? height - 1 : 0;
        int alongRow = steps[0] + steps[2] * width;
        int downColumn = steps[1] + steps[3] * width;
        int[] source = image.pixels();
        int[] out = new int[source.length];
        for (int y = 0, o = 0; y < outHeight; y++) {
            for (int x = 0, i = startY * width + startX + y * downColumn; x < outWidth; x++, i += alongRow) {
                out[o++] = source[i];
            }
        }
        return new RgbImage(outWidth, outHeight, out);
    }

    private static byte[] encode(RgbImage image, String format, Consumer<ImageWriteParam> settings) {
        Objects.requireNonNull(image, "image");
        DirectColorModel rgb = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(image.pixels(), image.pixels().length),
                image.width(), image.height(), image.width(), rgb.getMasks(), null);
        BufferedImage view = new BufferedImage(rgb, raster, false, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            settings.accept(param);
            writer.write(null, new IIOImage(view, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a " + format + " image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static boolean matches(byte[] b, int at, String ascii) {
        if (b.length < at + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if ((b[at + i] & 0xFF) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** What a file is, by its leading bytes. */
    private enum FileKind {
        JPEG("jpeg"),
        PNG("png"),
        GIF("gif"),
        BMP("bmp"),
        WEBP(Reason.UNSUPPORTED_FORMAT, "WebP images"),
        HEIC(Reason.UNSUPPORTED_FORMAT, "HEIC/HEIF photos"),
        AVIF(Reason.UNSUPPORTED_FORMAT, "AVIF images"),
        TIFF(Reason.UNSUPPORTED_FORMAT, "TIFF and camera raw files"),
        JPEG_2000(Reason.UNSUPPORTED_FORMAT, "JPEG 2000 images"),
        JPEG_XL(Reason.UNSUPPORTED_FORMAT, "JPEG XL images"),
        PHOTOSHOP(Reason.UNSUPPORTED_FORMAT, "Photoshop documents"),
        ICON(Reason.UNSUPPORTED_FORMAT, "Icon files"),
        SVG(Reason.UNSUPPORTED_FORMAT, "SVG files"),
        HTML(Reason.NOT_AN_IMAGE, "an HTML page"),
        XML(Reason.NOT_AN_IMAGE, "an XML document"),
        PDF(Reason.NOT_AN_IMAGE, "a PDF document"),
        ZIP(Reason.NOT_AN_IMAGE, "a ZIP archive"),
        COMPRESSED(Reason.NOT_AN_IMAGE, "a compressed archive"),
        MEDIA(Reason.NOT_AN_IMAGE, "an audio or video file"),
        TEXT(Reason.NOT_AN_IMAGE, "a text file"),
        UNKNOWN(Reason.NOT_AN_IMAGE, null);

        final String format;
        final Reason reason;
        final String description;

        FileKind(String format) {
            this.format = format;
            this.reason = null;
            this.description = null;
        }

        FileKind(Reason reason, String description) {
            this.format = null;
            this.reason = reason;
            this.description = description;
        }

        String label() {
            return format.toUpperCase(Locale.ROOT);
        }

        ImageRejectedException rejection() {
            if (reason == Reason.UNSUPPORTED_FORMAT) {
                return new ImageRejectedException(reason, description + " are not accepted; " + ADVICE);
            }
            if (description == null) {
                return new ImageRejectedException(reason, "This file is not an image that can be read; " + ADVICE);
            }
            return new ImageRejectedException(reason, "This file is " + description + ", not an image; " + ADVICE);
        }

        static FileKind sniff(byte[] b) {
            if (matches(b, 0, "\u00FF\u00D8\u00FF")) {
                return JPEG;
            }
            if (matches(b, 0, "\u0089PNG\r\n\u001A\n")) {
                return PNG;
            }
            if (matches(b, 0, "GIF87a") || matches(b, 0, "GIF89a")) {
                return GIF;
            }
            if (matches(b, 0, "BM") && b.length >= 26 && matches(b, 6, "\0\0\0\0")) {
                return BMP;
            }
            if (matches(b, 0, "RIFF")) {
                return matches(b, 8, "WEBP") ? WEBP : MEDIA;
            }
            if (matches(b, 4, "ftyp")) {
                return isoMedia(b);
            }
            if (matches(b, 0, "II*\0") || matches(b, 0, "MM\0*")) {
                return TIFF;
            }
            if (matches(b, 0, "\0\0\0\fjP  ") || matches(b, 0, "\u00FF\u004F\u00FF\u0051")) {
                return JPEG_2000;
            }
            if (matches(b, 0, "\u00FF\n") || matches(b, 0, "\0\0\0\fJXL ")) {
                return JPEG_XL;
            }
            if (matches(b, 0, "8BPS")) {
                return PHOTOSHOP;
            }
            if (matches(b, 0, "\0\0\u0001\0") && b.length > 6 && b[4] != 0) {
                return ICON;
            }
            if (matches(b, 0, "%PDF-")) {
                return PDF;
            }
            if (matches(b, 0, "PK\u0003\u0004") || matches(b, 0, "PK\u0005\u0006") || matches(b, 0, "PK\u0007\u0008")) {
                return ZIP;
            }
            if (matches(b, 0, "\u001F\u008B") || matches(b, 0, "Rar!\u001A\u0007")
                    || matches(b, 0, "7z\u00BC\u00AF\u0027\u001C")) {
                return COMPRESSED;
            }
            return sniffText(b);
        }

        private static FileKind isoMedia(byte[] b) {
            String brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.ISO_8859_1) : "";
            return switch (brand) {
                case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> HEIC;
                case "avif", "avis" -> AVIF;
                default -> MEDIA;
            };
        }

        private static FileKind sniffText(byte[] b) {
            int start = matches(b, 0, "\u00EF\u00BB\u00BF") ? 3 : 0;
            while (start < b.length && Character.isWhitespace((char) (b[start] & 0xFF))) {
                start++;
            }
            String head = new String(b, start, Math.min(4096, b.length - start), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            if (head.startsWith("<")) {
                if (head.contains("<svg")) {
                    return SVG;
                }
                if (head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<body")
                        || head.contains("<script") || head.contains("<head")) {
                    return HTML;
                }
                if (head.startsWith("<?xml")) {
                    return XML;
                }
            }
            int sample = Math.min(512, b.length);
            int unprintable = 0;
            for (int i = 0; i < sample; i++) {
                int c = b[i] & 0xFF;
                if (c == 0) {
                    return UNKNOWN;
                }
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    unprintable++;
                }
            }
            return unprintable * 20 <= sample ? TEXT : UNKNOWN;
        }
    }

    /** What the JPEG's marker segments say, found by walking them all the way to the end-of-image marker. */
    private record JpegLayout(int components, boolean ycck, int orientation, byte[] iccProfile) {
        private static final int SOS = 0xDA;
        private static final int EOI = 0xD9;

        static JpegLayout of(byte[] b) throws ImageRejectedException {
            int components = 0;
            int adobeTransform = -1;
            int orientation = 1;
            byte[][] iccChunks = null;
            int scans = 0;
            int pos = 2;
            while (true) {
                while (pos < b.length && (b[pos] & 0xFF) != 0xFF) {
                    pos++; // stray bytes between segments: libjpeg skips them with a warning, and so do we
                }
                while (pos + 1 < b.length && (b[pos + 1] & 0xFF) == 0xFF) {
                    pos++; // fill bytes before a marker
                }
                if (pos + 1 >= b.length) {
                    throw truncated(FileKind.JPEG, null);
                }
                int marker = b[pos + 1] & 0xFF;
                if (marker == EOI) {
                    break;
                }
                if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                    pos += 2; // markers without a length
                    continue;
                }
                if (pos + 4 > b.length) {
                    throw truncated(FileKind.JPEG, null);
                }
                int length = u16(b, pos + 2);
                if (length < 2) {
                    throw damaged(FileKind.JPEG, "a marker segment has an impossible length");
                }
                int body = pos + 4;
                int end = pos + 2 + length;
                if (end > b.length) {
                    throw truncated(FileKind.JPEG, null);
                }
                if (isStartOfFrame(marker) && length >= 8) {
                    components = b[body + 5] & 0xFF;
                } else if (marker == 0xE1 && orientation == 1 && matches(b, body, "Exif\0\0")) {
                    orientation = exifOrientation(b, body + 6, end);
                } else if (marker == 0xE2 && matches(b, body, "ICC_PROFILE\0") && end - body > 14) {
                    iccChunks = addIccChunk(iccChunks, b, body + 12, end);
                } else if (marker == 0xEE && matches(b, body, "Adobe") && length >= 14) {
                    adobeTransform = b[body + 11] & 0xFF;
                }
                pos = end;
                if (marker == SOS) {
                    if (++scans > MAX_JPEG_SCANS) {
                        throw damaged(FileKind.JPEG, "it has more than " + MAX_JPEG_SCANS + " scans");
                    }
                    pos = skipEntropyCodedData(b, pos);
                }
            }
            return new JpegLayout(components, components == 4 && adobeTransform == 2, orientation,
                    joinIccChunks(iccChunks));
        }

        private static boolean isStartOfFrame(int marker) {
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        /** The position of the next marker after a scan: 0xFF followed by neither a stuffed 0 nor a restart. */
        private static int skipEntropyCodedData(byte[] b, int pos) {
            for (int i = pos; i + 1 < b.length; i++) {
                if (b[i] == (byte) 0xFF) {
                    int next = b[i + 1] & 0xFF;
                    if (next != 0 && (next < 0xD0 || next > 0xD7)) {
                        return i;
                    }
                }
            }
            return b.length;
        }

        /** Tag 0x0112 of the first IFD of the TIFF structure inside an APP1 Exif segment; 1 when absent or odd. */
        private static int exifOrientation(byte[] b, int tiff, int end) {
            if (tiff + 8 > end) {
                return 1;
            }
            boolean little = matches(b, tiff, "II*\0");
            if (!little && !matches(b, tiff, "MM\0*")) {
                return 1;
            }
            long ifd = tiff + (read32(b, tiff + 4, little) & 0xFFFFFFFFL);
            if (ifd + 2 > end) {
                return 1;
            }
            int entries = read16(b, (int) ifd, little);
            for (int i = 0; i < entries; i++) {
                int entry = (int) ifd + 2 + i * 12;
                if (entry + 12 > end) {
                    return 1;
                }
                if (read16(b, entry, little) == 0x0112 && read16(b, entry + 2, little) == 3) {
                    int value = read16(b, entry + 8, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static int read16(byte[] b, int at, boolean little) {
            return little ? (b[at] & 0xFF | (b[at + 1] & 0xFF) << 8) : u16(b, at);
        }

        private static int read32(byte[] b, int at, boolean little) {
            return little ? read16(b, at, true) | read16(b, at + 2, true) << 16 : u32(b, at);
        }

        /** ICC profiles larger than a segment are split into numbered chunks (ICC.1, annex B.4). */
        private static byte[][] addIccChunk(byte[][] chunks, byte[] b, int at, int end) {
            int sequence = b[at] & 0xFF;
            int count = b[at + 1] & 0xFF;
            if (chunks == null) {
                chunks = new byte[count][];
            }
            if (sequence >= 1 && sequence <= chunks.length) {
                chunks[sequence - 1] = Arrays.copyOfRange(b, at + 2, end);
            }
            return chunks;
        }

        private static byte[] joinIccChunks(byte[][] chunks) {
            if (chunks == null || chunks.length == 0) {
                return null;
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (byte[] chunk : chunks) {
                if (chunk == null) {
                    return null;
                }
                joined.writeBytes(chunk);
            }
            return joined.toByteArray();
        }
    }

    /** A PNG's chunks walked to IEND: its embedded colour profile, if any, and proof that nothing is missing. */
    private record PngLayout(ICC_ColorSpace colorSpace) {
        private static final int IEND = 0x49454E44;
        private static final int ICCP = 0x69434350;
        private static final int SRGB = 0x73524742;

        static PngLayout of(byte[] b) throws ImageRejectedException {
            boolean srgb = false;
            byte[] profile = null;
            int pos = 8;
            while (true) {
                if (pos + 8 > b.length) {
                    throw truncated(FileKind.PNG, null);
                }
                int length = u32(b, pos);
                int type = u32(b, pos + 4);
                if (length < 0) {
                    throw damaged(FileKind.PNG, "a chunk has an impossible length");
                }
                if (type == IEND) {
                    break; // a missing CRC after IEND is common and harmless: every decoder accepts it
                }
                long end = pos + 12L + length;
                if (end > b.length) {
                    throw truncated(FileKind.PNG, null);
                }
                if (type == ICCP && profile == null) {
                    profile = inflateProfile(b, pos + 8, pos + 8 + length);
                } else if (type == SRGB) {
                    srgb = true;
                }
                pos = (int) end;
            }
            ICC_ColorSpace space = srgb ? null : usableColorSpace(profile, ColorSpace.TYPE_RGB);
            return new PngLayout(space == null || describesSrgb(space) ? null : space);
        }

        /** An iCCP chunk is a name, a NUL, a compression method byte and a zlib stream. */
        private static byte[] inflateProfile(byte[] b, int start, int end) {
            int nul = start;
            while (nul < end && b[nul] != 0) {
                nul++;
            }
            if (nul + 2 > end) {
                return null;
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(b, nul + 2, end - nul - 2);
                ByteArrayOutputStream profile = new ByteArrayOutputStream();
                byte[] buffer = new byte[16384];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return null;
                    }
                    profile.write(buffer, 0, n);
                    if (profile.size() > MAX_ICC_BYTES) {
                        return null;
                    }
                }
                return profile.toByteArray();
            } catch (DataFormatException e) {
                return null;
            } finally {
                inflater.end();
            }
        }
    }
}
