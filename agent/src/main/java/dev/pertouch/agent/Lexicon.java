package dev.pertouch.agent;

import dev.pertouch.inference.Attribute;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pertouch.inference.Attribute.BRIGHTNESS;
import static dev.pertouch.inference.Attribute.COLORFULNESS;
import static dev.pertouch.inference.Attribute.CONTRAST;
import static dev.pertouch.inference.Attribute.TEMPERATURE;

/**
 * The words the offline model understands. Multi-word entries are written with spaces and matched as one
 * token (their words joined by {@code _}) after typo correction.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>A <em>cue</em> carries its own direction ("brighter" = brightness up); an attribute <em>noun</em>
 *   ("contrast") needs a direction word ("more", "reduce", "too much").</li>
 *   <li>Some cues describe a state rather than a wish ("underexposed", "washed out", "dull"): they carry the
 *   direction of the state, so "make it washed out" lowers contrast and colourfulness, while a complaint
 *   ("it looks washed out") reverses it.</li>
 *   <li>"bluer" is cooler (temperature down) and, at half the step, more colourful: a sky that gets bluer
 *   should look more blue, not greyer. "greener" only raises colourfulness: temperature has no green axis.</li>
 *   <li>"punchy" and "pop" raise contrast and, at half the step, colourfulness; "moody" darkens and, at half
 *   the step, adds contrast.</li>
 * </ul>
 */
final class Lexicon {
    /** What a word does in a sentence, apart from attribute effects, regions and magnitudes. */
    enum Sense {
        /** raises a following attribute noun, or repeats the last change when nothing else is named */
        UP,
        /** lowers an attribute noun and reverses a cue ("less bright") */
        DOWN,
        /** "high", "low": state words; "the contrast is low" asks for more */
        HIGH,
        LOW,
        TOO,
        NOT,
        ENOUGH,
        /** "is", "looks": with no request word, the sentence describes a fault to fix */
        COPULA,
        /** "make", "turn": the sentence is a request, not a description */
        REQUEST,
        /** "not too much": the clause before it should be gentle; alone, the last change was too strong */
        SOFTEN,
        /**
         * "up", "down": a direction for an attribute noun ("turn the brightness down"), but only the particle of
         * a verb that has its own ("cool the sky down")
         */
        PARTICLE,
        /** "don't", "never": the clause forbids rather than asks */
        FORBID,
        /** "leave", "keep", "untouched": the regions named are to stay as they are */
        KEEP,
        /** starts a clause whose regions are excluded from the rest ("except", "but not") */
        EXCLUDE,
        UNDO,
        RESET,
        /** "improve", "fix", "better": make it look good without saying how */
        OPTIMIZE,
        /** "good", "nice": asks for an improvement only together with a request word ("make it look nice") */
        PRAISE,
        /** "it", "them": the regions of the clause before, else the whole photo */
        PRONOUN,
        /** "to", "at", "set": a following number is a target, not a step */
        TARGET,
        /** "by": a following number is a step */
        STEP,
        /** "style", "vibe", "film": the text may be about a look */
        LOOK_HINT,
        /** "like", "the look of": the text compares the photo with something, usually a look */
        LIKENESS,
        DETERMINER,
        /** splits a sentence into clauses */
        SEPARATOR,
        /** a word that is known to mean nothing here; never typo-corrected */
        FILLER,
        /** an object the photo may show but that is not one of its regions ("the car") */
        THING,
        /** an edit this system cannot make ("crop", "blur") */
        UNSUPPORTED
    }

    /** One attribute moved by a cue: sign times weight times the clause's magnitude. */
    record Effect(Attribute attribute, double signedWeight) {
    }

    static final double SLIGHT = 0.1;
    static final double NOTICEABLE = 0.2;
    static final double STRONG = 0.4;
    static final double MAXIMUM = 1.0;
    /** The step of an instruction that does not say how much ("make it brighter"). */
    static final double DEFAULT_STEP = NOTICEABLE;

    private static final Map<String, List<Effect>> CUES = new HashMap<>();
    private static final Set<String> BASE_ADJECTIVES = new HashSet<>();
    private static final Set<String> STATES = new HashSet<>();
    private static final Map<String, Attribute> NOUNS = new HashMap<>();
    private static final Map<String, Double> MAGNITUDES = new HashMap<>();
    private static final Map<String, String> REGION_WORDS = new HashMap<>();
    private static final Map<String, EnumSet<Sense>> SENSES = new HashMap<>();

    /** Common words that must never be mistaken for a misspelt keyword ("matter" is not "matte"). */
    private static final String[] FILLERS = {
            "i", "me", "myself", "you", "we", "us", "what", "which", "who", "whom", "whose", "where", "when", "why",
            "how", "am", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "done",
            "will", "shall", "may", "might", "must", "of", "in", "on", "for", "from", "into", "onto", "over", "under",
            "about", "above", "below", "between", "through", "during", "before", "after", "once", "here", "there",
            "any", "both", "each", "few", "most", "other", "such", "only", "own", "same", "so", "than", "just", "now",
            "or", "nor", "if", "because", "until", "against", "out", "off", "thing", "things", "ways", "one", "ones",
            "lot", "kind", "sort", "part", "parts", "area", "areas", "region", "regions", "side", "left", "right",
            "top", "bottom", "middle", "center", "centre", "edge", "edges", "corner", "corners", "thanks", "thank",
            "hello", "hi", "hey", "yes", "yeah", "sure", "matter", "later", "latter", "letter", "bitter", "night",
            "sight", "tight", "fight", "eight", "weight", "height", "write", "white", "black", "hole", "role", "rule",
            "rules", "ignore", "instructions", "instruction", "previous", "system", "prompt", "photos", "files",
            "file", "send", "email", "password", "run", "command", "execute", "shell", "data", "database", "server",
            "user", "users", "account", "admin", "says", "said", "say", "tell", "told", "ask", "asked", "know",
            "think", "wanted", "see", "show", "shows", "showing", "use", "used", "using", "take", "taken", "new",
            "old", "first", "last", "next", "actually", "maybe", "perhaps", "probably", "big", "large", "current",
            "currently", "still", "already", "yet", "even", "ever", "always", "sometimes", "time", "times", "day",
            "days", "year", "years", "spring", "morning", "evening", "afternoon", "sunrise", "dawn", "dusk", "shadows",
            "shadow", "highlights", "highlight", "midtones", "details", "detail", "lighting", "edit", "edits",
            "change", "changes", "version", "result", "results", "slider", "sliders", "value", "values", "setting",
            "settings", "amount", "level", "levels", "step", "steps", "percent", "stuff", "lol", "pls", "plz", "ty",
            "thx", "asap", "mine", "yours", "ours", "theirs", "something", "anything", "nothing", "someone", "anyone",
            "everyone", "nobody", "somewhere", "italy", "paris", "france", "japan", "tokyo", "new york", "london",
            "california", "mexico", "india", "travel", "vacation", "holiday", "wedding", "party", "magazine", "cover",
            "instagram", "modern", "old school", "camera", "lens", "shooting", "seventies", "eighties", "nineties",
            "70s", "80s", "90s", "inside", "outside", "indoor", "outdoor", "indoors", "outdoors", "space", "spot",
            "spots", "zone", "zones", "older", "holder", "folder", "mother", "father", "brother", "sister", "friend",
            "friends", "place", "places", "world", "life", "love", "hate", "makes", "made", "making", "gets", "got",
            "gives", "seen", "brightly", "nightly", "rightly", "fighting", "writing"};

    /** Things a photo may show that have no region of their own unless the region finder named one. */
    private static final String[] THINGS = {
            "city", "street", "road", "building", "buildings", "house", "car", "cars", "dog", "dogs", "cat", "cats",
            "bird", "birds", "food", "beach", "sand", "snow", "mountain", "mountains", "hill", "hills", "rock",
            "rocks", "stone", "flower", "flowers", "shirt", "dress", "hair", "eyes", "eye", "hand", "hands", "table",
            "room", "wall", "walls", "window", "windows", "floor", "boat", "boats", "bridge", "sun", "moon", "stars",
            "field", "fields", "horse", "horses", "animal", "animals", "fur", "clothes", "jacket", "lips", "teeth",
            "path", "bike", "bicycle", "tower", "church", "castle", "plate", "cup", "coffee", "cake", "fruit",
            "statue", "fence", "bench", "chair", "sofa", "bed", "door", "roof", "ship", "train", "bus", "truck",
            "lamp", "tent", "desk", "screen", "phone", "laptop", "book", "hat", "shoes", "bag", "glasses", "beard",
            "nose", "mouth", "cheeks", "arm", "arms", "legs", "feet", "skyscraper", "lighthouse", "pier", "dock",
            "sign", "sand dunes", "dunes", "ice", "glacier", "volcano", "cliff", "cliffs", "valley", "canyon", "trunk"};

    static {
        // brightness
        cue(List.of(up(BRIGHTNESS)), "brighter", "brighten", "brightened", "brightening", "lighter", "lighten",
                "lift", "lifted", "luminous", "illuminate", "radiant", "glowing", "glow", "light up", "brighten up",
                "expose more");
        stateCue(List.of(up(BRIGHTNESS)), "overexposed", "blown out");
        baseCue(List.of(up(BRIGHTNESS)), "bright", "light");
        cue(List.of(down(BRIGHTNESS)), "darker", "darken", "darkened", "darkening", "dimmer", "dim down",
                "darkness", "deeper shadows");
        stateCue(List.of(down(BRIGHTNESS)), "underexposed", "shadowy", "murky");
        baseCue(List.of(down(BRIGHTNESS)), "dark", "dim");
        cue(List.of(down(BRIGHTNESS), new Effect(CONTRAST, 0.5)), "moody", "moodier", "moody dark", "dramatic dark");
        stateCue(List.of(down(BRIGHTNESS), new Effect(COLORFULNESS, -0.5)), "gloomy", "grim");
        cue(List.of(down(BRIGHTNESS), new Effect(COLORFULNESS, -0.5)), "gloomier");
        cue(List.of(up(BRIGHTNESS), new Effect(TEMPERATURE, 0.5)), "sunnier", "sunny");
        // contrast
        cue(List.of(up(CONTRAST)), "crisp", "crisper", "dramatic", "more dramatic", "harsher", "snappy", "snappier",
                "deeper", "stronger contrast", "defined", "sharper", "sharp", "sharpen", "sharpened");
        stateCue(List.of(up(CONTRAST)), "contrasty", "harsh");
        cue(List.of(up(CONTRAST), new Effect(COLORFULNESS, 0.5)), "punchy", "punchier", "pop", "popping", "poppy");
        cue(List.of(down(CONTRAST)), "flatter", "softer", "soften", "haze", "matte", "gentler", "smoother");
        stateCue(List.of(down(CONTRAST)), "flat", "hazy", "foggy", "milky");
        baseCue(List.of(down(CONTRAST)), "soft", "gentle");
        stateCue(List.of(down(CONTRAST), new Effect(BRIGHTNESS, -0.5)), "muddy");
        cue(List.of(down(CONTRAST), new Effect(BRIGHTNESS, -0.5)), "muddier");
        cue(List.of(down(CONTRAST), down(COLORFULNESS)), "fade");
        stateCue(List.of(down(CONTRAST), down(COLORFULNESS)), "washed out", "washed", "washy", "faded", "lifeless");
        // temperature
        cue(List.of(up(TEMPERATURE)), "warmer", "warm up", "warmed", "golden", "cozy", "cosy", "cozier", "amber",
                "yellower", "redder", "toastier", "hotter");
        stateCue(List.of(up(TEMPERATURE)), "yellowish", "orangey", "orangish");
        baseCue(List.of(up(TEMPERATURE)), "warm", "yellow", "orange", "red", "hot");
        cue(List.of(down(TEMPERATURE)), "cooler", "cool down", "colder", "icier", "chillier", "cooled");
        stateCue(List.of(down(TEMPERATURE)), "icy", "chilly", "frosty", "wintry");
        baseCue(List.of(down(TEMPERATURE)), "cool", "cold");
        cue(List.of(down(TEMPERATURE), new Effect(COLORFULNESS, 0.5)), "bluer", "more blue");
        stateCue(List.of(down(TEMPERATURE), new Effect(COLORFULNESS, 0.5)), "bluish", "blueish");
        baseCue(List.of(down(TEMPERATURE), new Effect(COLORFULNESS, 0.5)), "blue");
        // colourfulness
        cue(List.of(up(COLORFULNESS)), "vivid", "vivider", "more vivid", "saturate", "colorful", "colourful",
                "vibrant", "richer", "intense", "juicy", "bold", "bolder", "lush", "lusher", "greener",
                "more colorful", "colorize", "livelier", "lively");
        stateCue(List.of(up(COLORFULNESS)), "saturated", "oversaturated", "garish", "gaudy");
        baseCue(List.of(up(COLORFULNESS)), "rich", "green");
        cue(List.of(down(COLORFULNESS)), "desaturate", "desaturated", "mute", "duller", "paler", "monochrome",
                "grayscale", "greyscale", "understated");
        stateCue(List.of(down(COLORFULNESS)), "unsaturated", "muted", "subdued", "colorless", "colourless", "drab",
                "greyish", "grayish");
        baseCue(List.of(down(COLORFULNESS)), "pale", "grey", "gray");
        stateCue(List.of(down(COLORFULNESS), new Effect(CONTRAST, -0.5)), "dull");

        noun(BRIGHTNESS, "brightness", "exposure", "lightness", "luminance", "light level");
        noun(CONTRAST, "contrast", "contrasts", "tonal range", "punch", "clarity", "definition", "drama", "depth");
        noun(TEMPERATURE, "temperature", "warmth", "white balance", "color temperature", "colour temperature",
                "tint", "coolness");
        noun(COLORFULNESS, "colorfulness", "colourfulness", "saturation", "vibrance", "vividness", "color",
                "colors", "colour", "colours", "chroma", "intensity", "hues");

        magnitude(SLIGHT, "slightly", "slight", "a bit", "bit", "a little", "little bit", "a little bit", "tad",
                "a tad", "touch", "a touch", "hint", "a hint", "subtle", "subtly", "somewhat", "mildly", "mild",
                "gently", "barely", "tiny", "a tiny bit", "smidge", "marginally", "lightly", "a hair", "kind of",
                "sort of", "just a bit", "small", "softly", "modestly");
        magnitude(NOTICEABLE, "noticeably", "noticeable", "moderately", "moderate", "fairly", "quite", "clearly",
                "visibly", "decently", "medium", "reasonably", "some");
        magnitude(STRONG, "much", "very", "a lot", "lots", "significantly", "considerably", "way", "strongly",
                "really", "far", "heavily", "seriously", "massively", "hugely", "greatly", "substantially",
                "dramatically", "super", "extremely", "so much", "a great deal", "way more", "tons", "big time",
                "drastically", "intensely", "properly", "a ton");
        magnitude(MAXIMUM, "as much as possible", "as possible", "maximum", "max", "maximally", "fully",
                "completely", "totally", "entirely", "all the way", "the most", "to the max", "as far as possible");

        region("global", "photo", "photos", "image", "images", "picture", "pictures", "pic", "shot",
                "everything", "overall", "whole", "entire", "all", "scene", "frame", "globally", "photograph",
                "everywhere", "whole thing", "whole image", "whole photo", "entire image", "entire photo",
                "the whole", "global");
        region("person", "person", "people", "man", "men", "woman", "women", "girl", "girls", "boy", "boys", "guy",
                "guys", "lady", "ladies", "kid", "kids", "child", "children", "baby", "face", "faces", "skin",
                "skin tones", "skin tone", "portrait", "model", "human", "humans", "he", "she", "him", "her",
                "bride", "groom", "couple", "family", "selfie", "persons", "complexion");
        region("subject", "subject", "foreground", "main subject", "object", "subjects");
        region("sky", "sky", "skies", "clouds", "cloud", "heavens", "skyline");
        region("vegetation", "vegetation", "greenery", "greens", "trees", "tree", "grass", "grasses", "foliage",
                "plants", "plant", "leaves", "leaf", "forest", "woods", "bushes", "bush", "lawn", "garden",
                "meadow", "jungle", "shrubs", "moss", "hedge", "hedges", "green areas");
        region("water", "water", "sea", "lake", "ocean", "river", "waves", "wave", "pond", "stream", "pool",
                "bay", "waterfall", "creek", "lagoon", "seas", "lakes", "rivers", "waters");
        region("background", "background", "backdrop", "bg", "surroundings", "the rest", "everything else",
                "backgrounds");

        sense(Sense.UP, "more", "increase", "increased", "boost", "boosted", "raise", "raised", "higher",
                "add", "added", "stronger", "intensify", "amplify", "pump", "pump up", "crank", "crank up",
                "heighten", "bump", "bump up", "turn up", "extra", "even more", "too little", "not enough",
                "push", "maximize", "enhance", "again", "further", "keep going", "double", "amp up", "strengthen",
                "bring up", "needs more", "lacks", "lacking", "missing", "more of that", "do it again", "go further");
        sense(Sense.DOWN, "less", "reduce", "reduced", "decrease", "decreased", "lower", "lowered",
                "remove", "drop", "cut", "weaker", "lessen", "minimize", "tone down", "tone it down", "tame",
                "kill", "fewer", "diminish", "dial down", "dial back", "dial it back", "pull back", "turn down",
                "too much", "scale back", "back off", "calm down", "weaken", "take out", "get rid of",
                "overdone", "over the top", "too strong", "half", "less of that", "bring down", "knock down",
                "not as", "ease off", "lose");
        sense(Sense.SOFTEN, "not too much", "not so much", "not as much", "not that much", "but subtle",
                "not overdone");
        sense(Sense.HIGH, "high", "strong", "heavy");
        sense(Sense.LOW, "low", "weak");
        sense(Sense.TOO, "too", "overly", "excessively", "way too");
        sense(Sense.NOT, "not", "no", "hardly", "never enough");
        sense(Sense.ENOUGH, "enough");
        sense(Sense.COPULA, "is", "are", "looks", "look", "seems", "seem", "feels", "feel", "appears", "appear",
                "was", "were", "looking", "got", "be");
        sense(Sense.REQUEST, "make", "turn", "give", "set", "get", "want", "need", "needs", "please", "could",
                "can", "should", "would", "like to", "let", "apply", "bring", "put", "go", "try", "adjust",
                "change", "shift", "tweak", "render", "edit", "add", "increase", "reduce", "boost", "lower", "raise");
        sense(Sense.FORBID, "do not", "dont", "never", "avoid", "refrain", "no need to");
        sense(Sense.PARTICLE, "up", "down");
        sense(Sense.KEEP, "leave", "keep", "untouched", "alone", "as is", "unchanged", "preserve", "intact",
                "do not touch", "dont touch", "not touch", "exclude", "protect", "as it is", "the same");
        sense(Sense.EXCLUDE, "except", "except for", "apart from", "other than", "excluding", "but not",
                "without touching", "without changing", "without", "not the", "save for", "besides", "but leave",
                "but keep");
        sense(Sense.UNDO, "undo", "revert", "go back", "take that back", "cancel that", "undo that",
                "back to before", "previous version", "reverse that", "roll back", "undo the last");
        sense(Sense.RESET, "reset", "start over", "remove all edits", "original", "clear all", "from scratch",
                "remove the edits", "discard", "as shot", "clear the edits", "reset everything");
        sense(Sense.OPTIMIZE, "improve", "better", "enhance", "nicer", "prettier", "fix", "auto", "optimize",
                "optimise", "beautify", "polish", "retouch", "touch up", "correct", "balance", "auto enhance",
                "fix it", "improved", "enhanced", "cleaner", "clean up", "more natural", "more professional",
                "best", "look good", "look great", "look nice", "look better", "look professional");
        sense(Sense.PRAISE, "good", "great", "nice", "pretty", "perfect", "beautiful", "professional", "natural",
                "decent", "lovely", "stunning", "amazing", "awesome", "gorgeous", "fine", "okay", "ok");
        sense(Sense.PRONOUN, "it", "them", "they", "that one");
        sense(Sense.TARGET, "to", "at", "set", "equal", "=");
        sense(Sense.STEP, "by");
        sense(Sense.LOOK_HINT, "style", "styled", "vibe", "vibes", "aesthetic", "mood", "film", "filter", "preset",
                "grade", "grading", "theme", "atmosphere", "feeling", "tone", "tones", "effect", "treatment", "era",
                "movie", "shot on", "photographed");
        sense(Sense.LIKENESS, "like", "look like", "looks like", "feel like", "feels like", "look of", "feel of",
                "as if", "reminiscent", "reminiscent of", "inspired by", "evoke", "evokes", "in the style of",
                "the look of", "the feel of");
        sense(Sense.DETERMINER, "the", "this", "that", "these", "those", "my", "his", "her", "their", "our",
                "its", "your", "a", "an");
        sense(Sense.SEPARATOR, "and", "but", "then", "also", "while", "whereas", "however", "although",
                "though", "plus", "as well", "after that", "and then", "with", ",", ";", ".", "!", "?", ":");
        sense(Sense.FILLER, FILLERS);
        sense(Sense.THING, THINGS);
        sense(Sense.UNSUPPORTED, "crop", "cropped", "rotate", "rotated", "straighten", "flip", "mirror", "resize",
                "upscale", "blur", "blurry", "blurred", "bokeh", "erase", "vignette", "grain", "grainy", "denoise",
                "noise", "watermark", "sticker", "retouch out", "cut out", "delete", "skin smoothing", "smooth skin",
                "whiten teeth", "slimmer", "thinner", "cartoon", "painting", "sketch");
    }

    private Lexicon() {
    }

    private static Effect up(Attribute a) {
        return new Effect(a, 1);
    }

    private static Effect down(Attribute a) {
        return new Effect(a, -1);
    }

    private static void cue(List<Effect> effects, String... words) {
        for (String w : words) {
            CUES.put(key(w), effects);
        }
    }

    /**
     * Words that describe how the photo is rather than how it should become: in a complaint ("it looks washed
     * out") they ask for the opposite.
     */
    private static void stateCue(List<Effect> effects, String... words) {
        cue(effects, words);
        for (String w : words) {
            STATES.add(key(w));
        }
    }

    /**
     * Adjectives in their base form: before a region word they describe it ("the blue sky") instead of asking
     * for a change. They also describe states.
     */
    private static void baseCue(List<Effect> effects, String... words) {
        stateCue(effects, words);
        for (String w : words) {
            BASE_ADJECTIVES.add(key(w));
        }
    }

    private static void noun(Attribute a, String... words) {
        for (String w : words) {
            NOUNS.put(key(w), a);
        }
    }

    private static void magnitude(double amount, String... words) {
        for (String w : words) {
            MAGNITUDES.put(key(w), amount);
        }
    }

    private static void region(String id, String... words) {
        for (String w : words) {
            REGION_WORDS.put(key(w), id);
        }
    }

    private static void sense(Sense sense, String... words) {
        for (String w : words) {
            SENSES.computeIfAbsent(key(w), k -> EnumSet.noneOf(Sense.class)).add(sense);
        }
    }

    private static String key(String phrase) {
        return Words.key(phrase);
    }

    static List<Effect> cue(String token) {
        return CUES.get(token);
    }

    static boolean isState(String token) {
        return STATES.contains(token);
    }

    static boolean isBaseAdjective(String token) {
        return BASE_ADJECTIVES.contains(token);
    }

    static Attribute noun(String token) {
        return NOUNS.get(token);
    }

    static Double magnitude(String token) {
        return MAGNITUDES.get(token);
    }

    /** The canonical region a word names ({@code global}, {@code person}, {@code sky}, ...), or null. */
    static String region(String token) {
        return REGION_WORDS.get(token);
    }

    static boolean is(String token, Sense sense) {
        EnumSet<Sense> s = SENSES.get(token);
        return s != null && s.contains(sense);
    }

    /** Every single word and joined phrase the lexicon knows, for typo correction and phrase joining. */
    static Set<String> entries() {
        Set<String> all = new HashSet<>();
        all.addAll(CUES.keySet());
        all.addAll(NOUNS.keySet());
        all.addAll(MAGNITUDES.keySet());
        all.addAll(REGION_WORDS.keySet());
        all.addAll(SENSES.keySet());
        return all;
    }

    /**
     * Words a misspelling may be corrected to: single content words. Fillers, determiners and separators are
     * left out, so that an unknown word is never turned into "and" or "the".
     */
    static List<String> correctionTargets() {
        Set<String> targets = new java.util.TreeSet<>();
        for (Map<String, ?> table : List.of(CUES, NOUNS, MAGNITUDES, REGION_WORDS)) {
            table.keySet().stream().filter(k -> !k.contains("_")).forEach(targets::add);
        }
        SENSES.forEach((k, s) -> {
            if (!k.contains("_") && EnumSet.of(Sense.FILLER, Sense.DETERMINER, Sense.SEPARATOR, Sense.TARGET,
                    Sense.STEP, Sense.PRONOUN).stream().noneMatch(s::contains)) {
                targets.add(k);
            }
        });
        return List.copyOf(targets);
    }
}
