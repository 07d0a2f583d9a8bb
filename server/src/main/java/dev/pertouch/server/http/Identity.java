package dev.pertouch.server.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Anonymous browser identities: a random id in a cookie, signed with the server's key so it cannot be
 * forged or guessed, plus the per-identity CSRF token derived from the same key.
 */
public final class Identity {
    public static final String COOKIE = "pt_id";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Pattern USER_ID = Pattern.compile("u_[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public Identity(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    public static String newUserId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "u_" + B64.encodeToString(b);
    }

    public String cookieValue(String userId) {
        return userId + "." + sign("id:" + userId);
    }

    /** The user id in a cookie value, when its signature is ours. */
    public Optional<String> verify(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String userId = cookieValue.substring(0, dot);
        if (!USER_ID.matcher(userId).matches()) {
            return Optional.empty();
        }
        return constantTimeEquals(cookieValue.substring(dot + 1), sign("id:" + userId))
                ? Optional.of(userId) : Optional.empty();
    }

    public String csrfToken(String userId) {
        return sign("csrf:" + userId);
    }

    public boolean csrfMatches(String userId, String token) {
        return token != null && constantTimeEquals(token, csrfToken(userId));
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
