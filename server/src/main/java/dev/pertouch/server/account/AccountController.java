package dev.pertouch.server.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pertouch.memory.Users;
import dev.pertouch.server.http.ApiException;
import dev.pertouch.server.http.Guard;
import dev.pertouch.server.http.Identity;
import dev.pertouch.server.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/me}: who am I, my display name, my data as JSON, forgetting a memory, forgetting me. */
public final class AccountController {
    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/me", this::me);
        routes.post("/api/me", this::rename);
        routes.get("/api/me/memory", this::export);
        routes.delete("/api/me/memory/{id}", this::forget);
        routes.delete("/api/me", this::erase);
    }

    private void me(Context ctx) {
        String user = Guard.user(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user);
        out.put("displayName", accounts.users().displayName(user).orElse(null));
        out.put("memories", accounts.memory().list(user).size());
        ctx.json(out);
    }

    private void rename(Context ctx) {
        String user = Guard.user(ctx);
        JsonNode name = JsonBody.object(ctx).get("displayName");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw ApiException.badRequest("invalid_display_name", "displayName must be a string or null.");
        }
        Users users = accounts.users();
        users.ensure(user);
        users.rename(user, name == null || name.isNull() ? null : name.asText());
        me(ctx);
    }

    private void export(Context ctx) {
        ctx.contentType("application/json").header("Content-Disposition", "attachment; filename=\"pertouch-me.json\"")
                .result(accounts.export(Guard.user(ctx)));
    }

    private void forget(Context ctx) {
        if (!accounts.memory().forget(Guard.user(ctx), ctx.pathParam("id"))) {
            throw ApiException.notFound("Memory " + ctx.pathParam("id"));
        }
        ctx.json(Map.of("forgotten", ctx.pathParam("id")));
    }

    private void erase(Context ctx) {
        accounts.erase(Guard.user(ctx));
        ctx.removeCookie(Identity.COOKIE, "/");
        ctx.header("HX-Redirect", "/");
        ctx.json(Map.of("erased", true));
    }
}
