package dev.pertouch.server;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, unguessable identifiers for photos and edits: a kind prefix and 96 random bits. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random(String prefix) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
