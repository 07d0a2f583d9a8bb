package dev.pertouch.agent;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.pertouch.inference.EditState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The library of named looks ({@code styles.json}, documented in docs/STYLES.md), found by name or alias, or by
 * meaning: free text is embedded with all-MiniLM-L6-v2 (in-process) and compared with each look's name, aliases
 * and description.
 */
public final class StyleLibrary {
    private static final String RESOURCE = "/dev/pertouch/agent/styles.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Style> styles;
    private final Map<String, Style> byPhrase;
    private final Supplier<EmbeddingModel> embeddings;
    private volatile List<List<Embedding>> styleEmbeddings;

    StyleLibrary(List<Style> styles, Supplier<EmbeddingModel> embeddings) {
        this.styles = List.copyOf(styles);
        this.embeddings = embeddings;
        Map<String, Style> phrases = new LinkedHashMap<>();
        for (Style s : this.styles) {
            phrases.putIfAbsent(Words.key(s.id()), s);
            phrases.putIfAbsent(Words.key(s.name()), s);
            s.aliases().forEach(a -> phrases.putIfAbsent(Words.key(a), s));
        }
        this.byPhrase = Collections.unmodifiableMap(phrases);
    }

    /** The bundled looks; the embedding model loads the first time free text has to be matched. */
    public static StyleLibrary bundled() {
        return Bundled.LIBRARY;
    }

    public List<Style> all() {
        return styles;
    }

    /** A look by id, name or alias, in any case and with any punctuation ("Kodak Portra", "kodak-portra"). */
    public Optional<Style> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byPhrase.get(Words.key(name)));
    }

    /** Every name and alias as the joined token the instruction reader sees, mapped to its look. */
    Map<String, Style> phrases() {
        return byPhrase;
    }

    /** The look whose words are closest in meaning to the text, with the cosine similarity of the match. */
    public Match nearest(String text) {
        List<List<Embedding>> known = styleEmbeddings();
        Embedding query = embeddings.get().embed(text).content();
        Style best = styles.get(0);
        double bestScore = -1;
        for (int i = 0; i < styles.size(); i++) {
            for (Embedding e : known.get(i)) {
                double score = CosineSimilarity.between(query, e);
                if (score > bestScore) {
                    bestScore = score;
                    best = styles.get(i);
                }
            }
        }
        return new Match(best, bestScore);
    }

    /** A look chosen for free text, and how similar the text was to it (cosine, -1..1). */
    public record Match(Style style, double similarity) {
    }

    private List<List<Embedding>> styleEmbeddings() {
        List<List<Embedding>> known = styleEmbeddings;
        if (known == null) {
            synchronized (this) {
                if (styleEmbeddings == null) {
                    styleEmbeddings = embedStyles();
                }
                known = styleEmbeddings;
            }
        }
        return known;
    }

    private List<List<Embedding>> embedStyles() {
        List<TextSegment> texts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            Style s = styles.get(i);
            texts.add(TextSegment.from(s.name() + " look"));
            texts.add(TextSegment.from(s.description()));
            owner.add(i);
            owner.add(i);
            for (String alias : s.aliases()) {
                texts.add(TextSegment.from(alias));
                owner.add(i);
            }
        }
        List<Embedding> all = embeddings.get().embedAll(texts).content();
        List<List<Embedding>> perStyle = new ArrayList<>();
        styles.forEach(s -> perStyle.add(new ArrayList<>()));
        for (int k = 0; k < all.size(); k++) {
            perStyle.get(owner.get(k)).add(all.get(k));
        }
        return perStyle.stream().map(List::copyOf).toList();
    }

    static List<Style> read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<Style> styles = new ArrayList<>();
        for (JsonNode s : root.path("styles")) {
            List<String> aliases = new ArrayList<>();
            s.path("aliases").forEach(a -> aliases.add(a.asText()));
            styles.add(new Style(s.path("id").asText(), s.path("name").asText(), aliases,
                    s.path("description").asText(), EditState.fromJson(s.path("state"))));
        }
        return styles;
    }

    /** Loaded once per process: the model weighs 90 MB and the library never changes at run time. */
    private static final class Bundled {
        static final StyleLibrary LIBRARY = load();

        private static StyleLibrary load() {
            try (InputStream in = StyleLibrary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return new StyleLibrary(read(in), Model::get);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Model {
        static final EmbeddingModel INSTANCE = load();

        /**
         * ONNX Runtime allows one environment per process, and DJL's OnnxRuntime engine (which finds regions)
         * can only start if it makes it; so the engine starts first, and the embedding model shares it.
         */
        private static EmbeddingModel load() {
            Engine.getEngine("OnnxRuntime");
            return new AllMiniLmL6V2EmbeddingModel();
        }

        static EmbeddingModel get() {
            return INSTANCE;
        }
    }
}
