package dev.pertouch.server.http;

import dev.pertouch.agent.AgentException;
import dev.pertouch.inference.InvalidEditException;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.memory.InvalidDisplayNameException;
import dev.pertouch.server.photo.RenderQueue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The one place where failures become answers: JSON {@code {"error", "code"}} for the API, an HTML
 * message for the page (swapped into its message area by htmx), each with the right status.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private final BiConsumer<Context, ApiException> pageRenderer;

    /** @param pageRenderer writes the error as an HTML fragment for requests from the page */
    public Errors(BiConsumer<Context, ApiException> pageRenderer) {
        this.pageRenderer = pageRenderer;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
        routes.exception(ImageRejectedException.class, (e, ctx) ->
                answer(ctx, new ApiException(status(e.reason()), e.code(), e.getMessage())));
        routes.exception(InvalidEditException.class, (e, ctx) ->
                answer(ctx, new ApiException(400, e.code(), e.getMessage())));
        routes.exception(AgentException.class, (e, ctx) ->
                answer(ctx, new ApiException(502, e.code(), "The language model could not answer: " + e.getMessage()
                        + ". Nothing was changed; try again, or use the sliders.")));
        routes.exception(InvalidDisplayNameException.class, (e, ctx) ->
                answer(ctx, new ApiException(400, e.code(), e.getMessage())));
        routes.exception(BadMessageException.class, (e, ctx) -> answer(ctx, badMessage(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            ApiException tooLarge = uploadTooLarge(e);
            if (tooLarge != null) {
                answer(ctx, tooLarge);
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, new ApiException(500, "internal_error", "Something went wrong on our side; nothing was lost."));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, new ApiException(404, "not_found", "There is nothing at " + ctx.path() + "."));
            }
        });
        routes.error(405, ctx -> answer(ctx, new ApiException(405, "method_not_allowed", "That method is not allowed here.")));
    }

    public void answer(Context ctx, ApiException e) {
        ctx.status(e.status());
        if (e.status() == 413) {
            // The body may be partly unread; say so, so that clients do not reuse this connection.
            ctx.header("Connection", "close");
        }
        if (e instanceof RenderQueue.Busy busy) {
            ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
        }
        if (fromPage(ctx)) {
            pageRenderer.accept(ctx, e);
        } else {
            ctx.json(Map.of("error", e.getMessage(), "code", e.code()));
        }
    }

    private static int status(ImageRejectedException.Reason reason) {
        return switch (reason) {
            case EMPTY_FILE, TRUNCATED_IMAGE -> 400;
            case NOT_AN_IMAGE, UNSUPPORTED_FORMAT -> 415;
            case FILE_TOO_LARGE, TOO_MANY_PIXELS -> 413;
        };
    }

    /** Requests made by the page through htmx get HTML; everything else gets JSON. */
    public static boolean fromPage(Context ctx) {
        return ctx.path().startsWith("/ui/") || "true".equals(ctx.header("HX-Request"));
    }

    private static ApiException badMessage(BadMessageException e) {
        if (e.getCode() == 413) {
            return new ApiException(413, "file_too_large", "The upload is too large.");
        }
        return new ApiException(e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400, "bad_request",
                "The request could not be read: " + e.getReason());
    }

    /** Jetty reports multipart limits as plain state exceptions, somewhere in the cause chain. */
    private static ApiException uploadTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("exceeds max") || message.contains("too large") || message.contains("max file size")
                    || message.contains("max request size")) {
                return new ApiException(413, "file_too_large", "The upload is too large.");
            }
        }
        return null;
    }
}
