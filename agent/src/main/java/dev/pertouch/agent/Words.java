package dev.pertouch.agent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into lower-case tokens: words, signed numbers (with an optional {@code %}) and punctuation that
 * separates clauses. Contractions are opened ("don't" becomes "do not") and a possessive {@code 's} is dropped,
 * so that "the person's face" reads as "the person face".
 */
final class Words {
    private static final Pattern TOKEN = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?%?|\\p{L}[\\p{L}\\p{M}]*|[,;.!?:=]");
    private static final Pattern IS_CONTRACTION = Pattern.compile("\\b(it|that|what|there|here|he|she|who)'s\\b");
    private static final Pattern BARE_NOT =
            Pattern.compile("\\b(is|are|was|were|do|does|did|could|should|would|has|have)nt\\b");
    private static final Pattern CLITIC = Pattern.compile("'(s|re|ve|ll|d|m)\\b");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?%?");
    private static final Pattern JOINER = Pattern.compile("(?<=\\p{L})[-_/](?=\\p{L})");

    private Words() {
    }

    static List<String> split(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replaceAll("[\u2018\u2019`\u00b4]", "'");
        s = s.replace("&", " and ").replace("won't", "will not").replace("can't", "can not").replace("n't", " not");
        s = IS_CONTRACTION.matcher(s).replaceAll("$1 is");
        s = BARE_NOT.matcher(s).replaceAll("$1 not");
        s = CLITIC.matcher(s).replaceAll("");
        s = JOINER.matcher(s).replaceAll(" ");
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    static boolean isNumber(String token) {
        return NUMBER.matcher(token).matches();
    }

    static boolean isWord(String token) {
        return Character.isLetter(token.charAt(0));
    }

    /** The single token a phrase becomes once joined: its tokens joined by {@code _}. */
    static String key(String phrase) {
        return String.join("_", split(phrase));
    }
}
