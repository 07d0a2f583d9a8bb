package dev.pertouch.server.photo;

import dev.pertouch.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Reads the one photo of an upload request, within the size limit, whatever name the client gave it. */
public final class Uploads {
    public static final String FIELD = "image";
    /** Room for the multipart envelope around the file itself. */
    public static final long ENVELOPE_BYTES = 64 * 1024;

    private Uploads() {
    }

    /** Bodies up to this much over the limit are read and discarded, so that the client sees the answer. */
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;

    /**
     * Refuses by Content-Length before the body is parsed or stored. Most clients only read the answer once
     * they have sent their body, so a moderately oversized body is drained first; a grossly oversized one
     * is not worth reading, and its connection is simply closed after the answer.
     */
    public static void checkDeclaredSize(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes + ENVELOPE_BYTES) {
            if (declared <= maxBytes + DRAIN_BYTES) {
                try (InputStream in = ctx.req().getInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw tooLarge(maxBytes);
                }
            }
            throw tooLarge(maxBytes);
        }
    }

    public static byte[] read(Context ctx, long maxBytes) {
        checkDeclaredSize(ctx, maxBytes);
        if (!ctx.isMultipartFormData()) {
            throw ApiException.badRequest("missing_file",
                    "Send the photo as multipart/form-data in a field named '" + FIELD + "'.");
        }
        List<UploadedFile> files = ctx.uploadedFiles(FIELD);
        if (files.isEmpty()) {
            throw ApiException.badRequest("missing_file", "Choose a photo to upload (field '" + FIELD + "').");
        }
        if (files.size() > 1) {
            throw ApiException.badRequest("too_many_files", "Upload one photo at a time.");
        }
        UploadedFile file = files.get(0);
        if (file.size() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("upload_failed", "The upload could not be read; please try again.");
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "file_too_large",
                "The photo is larger than " + maxBytes / (1024 * 1024) + " MB; please upload a smaller file.");
    }
}
