package dev.pertouch.agent;

import java.util.List;
import java.util.Set;

/**
 * Corrects a misspelt word to the nearest word the agent knows. Short words are nearly left alone (too many
 * real words lie one letter apart): a three-letter word may only have lost a letter ("mor", "les"). Words of up
 * to six letters may differ by one edit and must keep their first letter, longer ones by two; a swap of
 * neighbouring letters counts as one edit.
 */
final class Spelling {
    private final Set<String> known;
    private final List<String> targets;

    /**
     * @param known   words that are correct as they are, never changed
     * @param targets words a misspelling may become, in the order ties are broken
     */
    Spelling(Set<String> known, List<String> targets) {
        this.known = known;
        this.targets = targets;
    }

    String correct(String word) {
        if (word.length() < 3 || known.contains(word) || !Words.isWord(word)) {
            return word;
        }
        int allowed = word.length() >= 7 ? 2 : 1;
        String best = word;
        int bestDistance = allowed + 1;
        for (String target : targets) {
            boolean lengthFits = word.length() == 3 ? target.length() == 4
                    : target.length() >= 3 && Math.abs(target.length() - word.length()) <= allowed;
            if (!lengthFits) {
                continue;
            }
            if (allowed == 1 && target.charAt(0) != word.charAt(0)) {
                continue;
            }
            int d = distance(word, target, bestDistance - 1);
            if (d < bestDistance) {
                best = target;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance, or {@code limit + 1} as soon as it is known to exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[n][m];
    }
}
