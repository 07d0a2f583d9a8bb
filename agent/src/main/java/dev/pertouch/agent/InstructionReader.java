package dev.pertouch.agent;

import dev.pertouch.agent.Lexicon.Effect;
import dev.pertouch.agent.Lexicon.Sense;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one instruction into a {@link Plan} of tool calls, without a language model: typo correction, phrase
 * joining, clauses, then per clause the regions, attribute effects, direction and magnitude.
 *
 * <p>Order of decisions: a named look (with any explicit changes after it); explicit changes, undo, reset,
 * "more/less of that" and requests to improve; a look chosen by meaning when the text sounds like one;
 * otherwise nothing, with an answer saying what the agent can do. A clause that asks for a change in a region
 * the photo lacks stops the whole instruction, so that nothing half-happens.
 */
final class InstructionReader {
    /** Above this cosine similarity, free text is taken as a request for the nearest look. */
    static final double LOOK_SIMILARITY = 0.6;
    /** The bar when the text says it is about a look ("make it look like ...", "a ... vibe"). */
    static final double HINTED_LOOK_SIMILARITY = 0.4;
    private static final int LONGEST_PHRASE = 6;

    private final StyleLibrary styles;
    private final Set<String> lexicon;
    private final List<String> correctionTargets;

    InstructionReader(StyleLibrary styles) {
        this.styles = styles;
        Set<String> known = new HashSet<>(Lexicon.entries());
        Set<String> targets = new LinkedHashSet<>(Lexicon.correctionTargets());
        for (String phrase : styles.phrases().keySet()) {
            known.add(phrase);
            for (String word : phrase.split("_")) {
                known.add(word);
                if (word.length() >= 4) {
                    targets.add(word);
                }
            }
        }
        this.lexicon = Set.copyOf(known);
        this.correctionTargets = List.copyOf(targets);
    }

    Plan read(String instruction, Set<String> regionIds) {
        Vocabulary vocabulary = new Vocabulary(regionIds);
        List<String> tokens = vocabulary.join(vocabulary.correct(Words.split(instruction)));
        List<Clause> clauses = new ArrayList<>();
        boolean excluded = false;
        List<String> current = new ArrayList<>();
        for (String t : tokens) {
            boolean exclude = Lexicon.is(t, Sense.EXCLUDE);
            if (Lexicon.is(t, Sense.SEPARATOR) || exclude) {
                if (!current.isEmpty()) {
                    clauses.add(new Clause(current, excluded, vocabulary));
                }
                current = new ArrayList<>();
                excluded = exclude;
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            clauses.add(new Clause(current, excluded, vocabulary));
        }
        return new Planner(clauses, regionIds, instruction).plan();
    }

    /** The words known for one photo: the lexicon, the looks, and the photo's own region ids. */
    private final class Vocabulary {
        final Set<String> regionIds;
        final Map<String, String> regionIdPhrases = new HashMap<>();
        final Set<String> phrases = new HashSet<>();
        final Spelling spelling;

        Vocabulary(Set<String> regionIds) {
            this.regionIds = regionIds;
            Set<String> known = new HashSet<>(lexicon);
            for (String id : regionIds) {
                String key = Words.key(id);
                regionIdPhrases.put(key, id);
                known.addAll(List.of(key.split("_")));
            }
            for (String entry : lexicon) {
                if (entry.contains("_")) {
                    phrases.add(entry);
                }
            }
            phrases.addAll(regionIdPhrases.keySet());
            this.spelling = new Spelling(known, correctionTargets);
        }

        List<String> correct(List<String> tokens) {
            return tokens.stream().map(spelling::correct).toList();
        }

        /** Replaces the longest known phrases by single tokens, left to right. */
        List<String> join(List<String> tokens) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                int taken = 1;
                String token = tokens.get(i);
                for (int n = Math.min(LONGEST_PHRASE, tokens.size() - i); n >= 2; n--) {
                    String joined = String.join("_", tokens.subList(i, i + n));
                    if (phrases.contains(joined)) {
                        token = joined;
                        taken = n;
                        break;
                    }
                }
                out.add(token);
                i += taken;
            }
            return out;
        }

        /**
         * The photo's region a token names; {@code ""} for a region the photo lacks (a named region it has not
         * got, or a thing such as "car"); null when the token names no region.
         */
        String region(String token) {
            String id = regionIdPhrases.get(token);
            if (id != null) {
                return id;
            }
            if (Lexicon.is(token, Sense.THING)) {
                return "";
            }
            String canonical = Lexicon.region(token);
            if (canonical == null) {
                return null;
            }
            if (regionIds.contains(canonical)) {
                return canonical;
            }
            if (canonical.equals("subject") && regionIds.contains("person")) {
                return "person";
            }
            if (canonical.equals("person") && regionIds.contains("subject")) {
                return "subject";
            }
            return "";
        }

        Style look(String token) {
            return styles.phrases().get(token);
        }

        boolean isKnown(String token) {
            return lexicon.contains(token) || regionIdPhrases.containsKey(token) || !Words.isWord(token);
        }
    }

    /** One clause of an instruction and what its words mean. */
    private static final class Clause {
        final List<String> tokens;
        final boolean excluded;
        final List<String> regions = new ArrayList<>();
        final List<String> missingRegions = new ArrayList<>();
        final Map<Attribute, Double> effects = new EnumMap<>(Attribute.class);
        final Set<Attribute> nouns = EnumSet.noneOf(Attribute.class);
        final List<Style> looks = new ArrayList<>();
        final List<String> unknownWords = new ArrayList<>();
        final EnumSet<Sense> senses = EnumSet.noneOf(Sense.class);
        boolean global;
        boolean pronoun;
        boolean directionWord;
        boolean onlyStateCues = true;
        Double magnitude;
        Double number;
        boolean numberIsTarget;
        boolean numberSigned;
        /** The multiplier of cue directions: -1 after "less", "too", "not", or in a complaint. */
        int sign = 1;
        /** Regions the clause acts on once pronouns and omissions are resolved. */
        List<String> targets = List.of();
        boolean absorbed;

        Clause(List<String> tokens, boolean excluded, Vocabulary vocabulary) {
            this.tokens = tokens;
            this.excluded = excluded;
            read(vocabulary);
        }

        private void read(Vocabulary v) {
            boolean targetWordSeen = false;
            boolean afterDeterminer = false;
            double smallest = Double.MAX_VALUE;
            boolean maximum = false;
            Map<String, Style> lookCandidates = new LinkedHashMap<>();
            Set<String> describing = new HashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                boolean beforeRegion = next != null && v.region(next) != null;
                boolean determinerBefore = afterDeterminer;
                afterDeterminer = Lexicon.is(t, Sense.DETERMINER) && !t.equals("a") && !t.equals("an");
                for (Sense s : Sense.values()) {
                    if (Lexicon.is(t, s)) {
                        senses.add(s);
                    }
                }
                targetWordSeen |= Lexicon.is(t, Sense.TARGET);
                if (Words.isNumber(t)) {
                    if (number == null) {
                        readNumber(t, targetWordSeen);
                    }
                    continue;
                }
                Style look = v.look(t);
                if (look != null) {
                    lookCandidates.put(t, look);
                    if (beforeRegion) {
                        describing.add(t);
                    }
                    continue;
                }
                String region = v.region(t);
                if (region != null) {
                    if (region.isEmpty()) {
                        missingRegions.add(t.replace('_', ' '));
                    } else if (region.equals(EditState.GLOBAL)) {
                        global = true;
                    } else if (!regions.contains(region)) {
                        regions.add(region);
                    }
                    continue;
                }
                pronoun |= Lexicon.is(t, Sense.PRONOUN);
                List<Effect> cue = Lexicon.cue(t);
                if (cue != null) {
                    if (!(Lexicon.isBaseAdjective(t) && beforeRegion)) {
                        cue.forEach(e -> effects.merge(e.attribute(), e.signedWeight(), Double::sum));
                        onlyStateCues &= Lexicon.isState(t);
                    }
                    afterDeterminer = determinerBefore && Lexicon.isBaseAdjective(t);
                    continue;
                }
                Attribute noun = Lexicon.noun(t);
                if (noun != null) {
                    nouns.add(noun);
                }
                Double m = Lexicon.magnitude(t);
                if (m != null) {
                    maximum |= m >= Lexicon.MAXIMUM;
                    if (m < Lexicon.MAXIMUM) {
                        smallest = Math.min(smallest, m);
                    }
                }
                if (!v.isKnown(t)) {
                    (determinerBefore ? missingRegions : unknownWords).add(t);
                }
            }
            // "the winter sky is too dark": a look's name before a region, with an edit beside it, describes it
            boolean otherwiseAsks = hasAttributes();
            lookCandidates.forEach((token, look) -> {
                List<Effect> cue = Lexicon.cue(token);
                if (cue != null && !regions.isEmpty()) {
                    cue.forEach(e -> effects.merge(e.attribute(), e.signedWeight(), Double::sum));
                } else if (!(otherwiseAsks && describing.contains(token))) {
                    looks.add(look);
                }
            });
            if (maximum) {
                magnitude = Lexicon.MAXIMUM;
            } else if (smallest < Double.MAX_VALUE) {
                magnitude = smallest;
            }
            if (!regions.isEmpty()) {
                // "the man in the photo": next to a named region, the photo is where it is, not what to change
                global = false;
            }
            decideSign();
        }

        /**
         * "less bright", "too bright" and "not bright" all ask for darker; "not bright enough" for brighter. With
         * no request word, "the sky is grey" or "the contrast is low" describes a fault, so it asks for the
         * opposite of the state it names.
         */
        private void decideSign() {
            boolean particle = effects.isEmpty() && has(Sense.PARTICLE);
            boolean up = has(Sense.UP) || (particle && tokens.contains("up"));
            boolean down = has(Sense.DOWN) || (particle && tokens.contains("down"));
            boolean too = has(Sense.TOO);
            boolean not = has(Sense.NOT);
            boolean enough = has(Sense.ENOUGH);
            directionWord = up || down || has(Sense.HIGH) || has(Sense.LOW);
            if (down || (has(Sense.LOW) && !up)) {
                sign = -sign;
            }
            if (too) {
                sign = -sign;
            }
            if (not && !enough) {
                sign = -sign;
            }
            boolean describesState = effects.isEmpty() ? !nouns.isEmpty() && directionWord : onlyStateCues;
            if (has(Sense.COPULA) && !has(Sense.REQUEST) && !up && !down && !too && !not && !enough
                    && describesState) {
                sign = -sign;
            }
        }

        private void readNumber(String t, boolean target) {
            boolean percent = t.endsWith("%");
            double value = Double.parseDouble(percent ? t.substring(0, t.length() - 1) : t);
            if (percent || (Math.abs(value) > 1 && Math.abs(value) <= 100)) {
                value /= 100;
            }
            number = Math.max(-1, Math.min(1, value));
            numberIsTarget = target;
            numberSigned = t.startsWith("+") || t.startsWith("-");
        }

        boolean has(Sense s) {
            return senses.contains(s);
        }

        boolean hasAttributes() {
            return !effects.isEmpty() || !nouns.isEmpty();
        }

        boolean namesRegions() {
            return !regions.isEmpty() || global || !missingRegions.isEmpty();
        }

        boolean asksToImprove() {
            return has(Sense.OPTIMIZE) || (has(Sense.PRAISE) && has(Sense.REQUEST));
        }

        /**
         * A clause that leans on the one before for its manner: "(too bright) and saturated", "(less contrast)
         * and saturation". It has no words of its own that set a direction or a region, and only state words
         * or nouns: "(less bright) and warmer" asks for warmer.
         */
        boolean elliptic() {
            return !namesRegions() && !pronoun && onlyStateCues && hasAttributes()
                    && EnumSet.of(Sense.REQUEST, Sense.UP, Sense.DOWN, Sense.TOO, Sense.NOT, Sense.COPULA, Sense.HIGH,
                    Sense.LOW).stream().noneMatch(this::has);
        }

        /** A clause such as "but only a little" that says how much, and nothing else. */
        boolean onlyQualifies() {
            return !hasAttributes() && !namesRegions() && looks.isEmpty() && !has(Sense.UNDO) && !has(Sense.RESET)
                    && !asksToImprove() && (magnitude != null || has(Sense.SOFTEN));
        }

        String text() {
            return String.join(" ", tokens).replace('_', ' ');
        }
    }

    /** Turns the clauses of one instruction into tool calls. */
    private final class Planner {
        private final List<Clause> clauses;
        private final Set<String> regionIds;
        private final String instruction;
        private final List<Plan.Call> calls = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Planner(List<Clause> clauses, Set<String> regionIds, String instruction) {
            this.clauses = clauses;
            this.regionIds = regionIds;
            this.instruction = instruction;
        }

        Plan plan() {
            if (!applyNamedLooks()) {
                applyLikenessLook();
            }
            Set<String> missing = new LinkedHashSet<>();
            for (Clause c : clauses) {
                boolean asks = c.hasAttributes() || c.asksToImprove() || c.has(Sense.RESET);
                if (asks && c.looks.isEmpty() && !c.absorbed && !c.excluded && !c.has(Sense.KEEP)
                        && !c.has(Sense.FORBID)) {
                    missing.addAll(c.missingRegions);
                }
            }
            if (!missing.isEmpty()) {
                calls.clear();
                notes.clear();
                notes.add(missingRegionsAnswer(missing));
                return new Plan(calls, notes);
            }
            resolve();
            Set<String> kept = new LinkedHashSet<>();
            List<String> ignored = new ArrayList<>();
            for (Clause c : clauses) {
                act(c, kept, ignored);
            }
            kept.forEach(r -> call("keep", Map.of("region", r)));
            if (!ignored.isEmpty() && !calls.isEmpty()) {
                notes.add("I left out \u201c" + String.join("\u201d and \u201c", ignored) + "\u201d: I can only "
                        + "change brightness, contrast, warmth and colourfulness, and apply looks.");
            }
            if (calls.isEmpty() && notes.isEmpty() && clauses.stream().noneMatch(c -> c.has(Sense.PRAISE))) {
                lookByMeaning();
            }
            if (calls.isEmpty() && notes.isEmpty()) {
                notes.add(helpAnswer());
            }
            return new Plan(calls, notes);
        }

        private String helpAnswer() {
            List<String> unsupported = new ArrayList<>();
            clauses.forEach(c -> c.tokens.stream().filter(t -> Lexicon.is(t, Sense.UNSUPPORTED))
                    .map(t -> t.replace('_', ' ')).forEach(unsupported::add));
            String opening = unsupported.isEmpty() ? "I did not find an edit in that."
                    : "I cannot " + String.join(" or ", unsupported) + " photos.";
            return opening + " I can make any region (" + describeRegions()
                    + ") brighter or darker, warmer or cooler, more or less colourful, with more or less contrast, "
                    + "or apply a look such as cinematic, golden hour or Kodak Portra. For example: "
                    + "\u201cmake the sky a little bluer\u201d.";
        }

        /** Fills in what clauses leave unsaid: "it", a region carried over, a manner carried back. */
        private void resolve() {
            List<String> lastRegions = null;
            Clause lastAction = null;
            Clause preceding = null;
            for (Clause c : clauses) {
                if (c.absorbed) {
                    continue;
                }
                Clause prior = preceding;
                preceding = c;
                if (c.elliptic() && prior != null) {
                    c.sign = prior.sign;
                    c.directionWord |= prior.directionWord;
                }
                if (c.onlyQualifies() && lastAction != null) {
                    lastAction.magnitude = c.has(Sense.SOFTEN) ? Lexicon.SLIGHT : c.magnitude;
                    c.absorbed = true;
                    continue;
                }
                List<String> targets = new ArrayList<>();
                if (c.global) {
                    targets.add(EditState.GLOBAL);
                }
                targets.addAll(c.regions);
                if (targets.isEmpty() && lastRegions != null && (c.pronoun || c.hasAttributes())) {
                    targets.addAll(lastRegions);
                }
                if (targets.isEmpty()) {
                    targets.add(EditState.GLOBAL);
                }
                c.targets = List.copyOf(targets);
                if (c.namesRegions() && !c.excluded) {
                    lastRegions = c.targets;
                }
                if (prior != null && c.hasAttributes() && !c.namesRegions() && c.targets.equals(prior.targets)) {
                    dropRepeats(c, prior);
                    if (c.absorbed) {
                        preceding = prior;
                        continue;
                    }
                }
                boolean bare = !c.hasAttributes() && !c.regions.isEmpty() && !c.excluded && !c.has(Sense.KEEP)
                        && !c.has(Sense.FORBID) && !c.has(Sense.UNDO) && !c.has(Sense.RESET) && !c.asksToImprove()
                        && c.looks.isEmpty();
                if (bare && lastAction != null) {
                    // "more contrast on the sky and less on the person": the clause's own direction word wins
                    boolean ownDirection = c.has(Sense.UP) || c.has(Sense.DOWN);
                    signed(lastAction).forEach((a, w) -> c.effects.put(a, ownDirection ? Math.abs(w) : w));
                    c.sign = ownDirection ? c.sign : 1;
                    if (c.magnitude == null) {
                        c.magnitude = lastAction.magnitude;
                    }
                }
                if (c.hasAttributes()) {
                    lastAction = c;
                }
            }
        }

        /** "a warm, golden look": a list of words for the same move is one move, not several. */
        private void dropRepeats(Clause c, Clause previous) {
            Map<Attribute, Double> earlier = signed(previous);
            signed(c).forEach((a, w) -> {
                Double e = earlier.get(a);
                if (e != null && Math.signum(e) == Math.signum(w)) {
                    c.effects.remove(a);
                    c.nouns.remove(a);
                }
            });
            if (!c.hasAttributes()) {
                c.absorbed = true;
            }
        }

        /** Applies the first look named in the text; true when there was one. */
        private boolean applyNamedLooks() {
            List<Style> looks = new ArrayList<>();
            Clause first = null;
            for (Clause c : clauses) {
                for (Style s : c.looks) {
                    if (!looks.contains(s)) {
                        looks.add(s);
                    }
                    if (first == null) {
                        first = c;
                    }
                }
            }
            if (looks.isEmpty()) {
                return false;
            }
            double strength = first.magnitude != null && first.magnitude <= Lexicon.SLIGHT ? 0.5 : 1.0;
            call("applyStyle", Map.of("name", looks.get(0).id(), "strength", strength));
            if (looks.size() > 1) {
                notes.add("I applied " + looks.get(0).name() + " only; ask for " + looks.get(1).name()
                        + " on its own to see that one instead.");
            }
            return true;
        }

        /**
         * "Like a warm sunset at the end of the day": a comparison with no region of the photo in it is matched
         * to the nearest look; its words are then not read as edits of their own.
         */
        private void applyLikenessLook() {
            List<Clause> comparing = clauses.stream()
                    .filter(c -> c.has(Sense.LIKENESS) && c.regions.isEmpty() && c.nouns.isEmpty()).toList();
            if (comparing.isEmpty()) {
                return;
            }
            if (applyNearestLook(HINTED_LOOK_SIMILARITY)) {
                comparing.forEach(c -> c.absorbed = true);
            }
        }

        private void act(Clause c, Set<String> kept, List<String> ignored) {
            if (c.absorbed) {
                return;
            }
            if (c.excluded || ((c.has(Sense.KEEP) || c.has(Sense.FORBID)) && !c.hasAttributes())) {
                c.regions.forEach(kept::add);
                return;
            }
            if (c.has(Sense.FORBID)) {
                notes.add("I did not " + c.text().replaceFirst("^(do not|dont|never|avoid)\\s*", "")
                        + ", as you asked.");
                return;
            }
            if (c.has(Sense.UNDO)) {
                call("undo", Map.of());
                return;
            }
            if (c.has(Sense.RESET)) {
                c.targets.forEach(r -> call("reset", Map.of("region", r)));
                return;
            }
            if (!c.hasAttributes()) {
                if (c.looks.isEmpty()) {
                    actWithoutAttributes(c, ignored);
                }
                return;
            }
            Map<Attribute, Double> effects = signed(c);
            if (effects.isEmpty()) {
                if (c.asksToImprove()) {
                    c.targets.forEach(r -> call("optimize", Map.of("region", r)));
                } else {
                    notes.add(askDirection(c.nouns));
                }
                return;
            }
            for (String region : c.targets) {
                effects.forEach((attribute, weight) -> change(c, region, attribute, weight, effects.size()));
            }
        }

        private void actWithoutAttributes(Clause c, List<String> ignored) {
            boolean onlyGlobal = c.regions.isEmpty();
            if (c.asksToImprove()) {
                c.targets.forEach(r -> call("optimize", Map.of("region", r)));
            } else if (onlyGlobal && (c.has(Sense.DOWN) || c.has(Sense.SOFTEN) || c.has(Sense.TOO)
                    || c.tokens.contains("down"))) {
                call("scaleLastChange", Map.of("factor", lessFactor(c.magnitude)));
            } else if (onlyGlobal && (c.has(Sense.UP) || c.tokens.contains("up"))) {
                call("scaleLastChange", Map.of("factor", moreFactor(c.magnitude)));
            } else if (!c.unknownWords.isEmpty() || c.has(Sense.FILLER) || c.has(Sense.UNSUPPORTED)) {
                ignored.add(c.text());
            }
        }

        private void change(Clause c, String region, Attribute attribute, double weight, int attributes) {
            String key = attribute.key();
            if (c.number != null && attributes == 1) {
                if (c.numberIsTarget || (!c.numberSigned && c.effects.isEmpty() && !c.directionWord)) {
                    call("setTarget", Map.of("region", region, "attribute", key, "value", c.number));
                } else {
                    double step = c.numberSigned && c.effects.isEmpty() && !c.directionWord
                            ? c.number : Math.signum(weight) * Math.abs(c.number);
                    call("adjust", Map.of("region", region, "attribute", key, "amount", step));
                }
                return;
            }
            double magnitude = c.magnitude == null ? Lexicon.DEFAULT_STEP : c.magnitude;
            if (magnitude >= Lexicon.MAXIMUM && Math.abs(weight) >= 1) {
                call("setTarget", Map.of("region", region, "attribute", key, "value", Math.signum(weight)));
            } else {
                double amount = EditTools.round(weight * magnitude);
                call("adjust", Map.of("region", region, "attribute", key, "amount", amount));
            }
        }

        /**
         * The clause's attribute moves with their final signs, each weight within [-1, 1]. When a noun narrows a
         * cue ("make the colours pop"), only the attributes the noun names move; nouns alone move only when a
         * direction word says which way.
         */
        private Map<Attribute, Double> signed(Clause c) {
            Map<Attribute, Double> out = new EnumMap<>(Attribute.class);
            if (c.effects.isEmpty()) {
                boolean directed = c.directionWord || c.number != null;
                if (directed) {
                    c.nouns.forEach(a -> out.put(a, (double) c.sign));
                }
                return out;
            }
            boolean narrowed = c.effects.keySet().stream().anyMatch(c.nouns::contains);
            c.effects.forEach((a, w) -> {
                if ((!narrowed || c.nouns.contains(a)) && Math.abs(w) > 1e-9) {
                    out.put(a, Math.max(-1, Math.min(1, w)) * c.sign);
                }
            });
            return out;
        }

        private void lookByMeaning() {
            boolean hinted = clauses.stream().anyMatch(c -> c.has(Sense.LOOK_HINT) || c.has(Sense.LIKENESS));
            boolean unexplained = clauses.stream().anyMatch(c -> !c.unknownWords.isEmpty());
            if (!hinted && !unexplained) {
                return;
            }
            applyNearestLook(hinted ? HINTED_LOOK_SIMILARITY : LOOK_SIMILARITY);
        }

        private boolean applyNearestLook(double threshold) {
            StyleLibrary.Match match = styles.nearest(instruction);
            if (match.similarity() < threshold) {
                return false;
            }
            call("applyStyle", Map.of("name", match.style().id(), "strength", 1.0));
            notes.add("The closest look I know to your words is " + match.style().name() + ".");
            return true;
        }

        private void call(String tool, Map<String, Object> arguments) {
            calls.add(new Plan.Call(tool, arguments));
        }

        private String missingRegionsAnswer(Set<String> missing) {
            return "This photo has no region for \u201c" + String.join("\u201d or \u201c", missing)
                    + "\u201d, so nothing was changed. Its regions are: " + describeRegions() + ".";
        }


        private String describeRegions() {
            List<String> names = new ArrayList<>();
            for (String id : regionIds) {
                names.add(id.equals(EditState.GLOBAL) ? "global (the whole photo)" : id);
            }
            return String.join(", ", names);
        }
    }

    private static String askDirection(Set<Attribute> nouns) {
        String name = nouns.iterator().next().key();
        return "Should the " + name + " go up or down? Say, for example, \u201cmore " + name + "\u201d or \u201cless "
                + name + "\u201d.";
    }

    /** "not so much": keep this fraction of the last change. */
    private static double lessFactor(Double magnitude) {
        if (magnitude == null || magnitude == Lexicon.NOTICEABLE) {
            return 0.5;
        }
        if (magnitude <= Lexicon.SLIGHT) {
            return 0.75;
        }
        return magnitude >= Lexicon.MAXIMUM ? 0.0 : 0.25;
    }

    /** "even more": the last change times this factor. */
    private static double moreFactor(Double magnitude) {
        if (magnitude == null || magnitude == Lexicon.NOTICEABLE) {
            return 2.0;
        }
        return magnitude <= Lexicon.SLIGHT ? 1.5 : 3.0;
    }
}
