package dev.pertouch.server.page;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Thymeleaf over the templates of the web module: whole pages and the fragments htmx swaps in. */
public final class Templates {
    private static final String FRAGMENTS = "fragments";
    private final TemplateEngine engine = new TemplateEngine();

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public String page(String name, Map<String, Object> variables) {
        return engine.process(name, context(variables));
    }

    /** One or more fragments of fragments.html, in the order given, as one response body. */
    public String fragments(Map<String, Object> variables, String... names) {
        Context context = context(variables);
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(engine.process(FRAGMENTS, Set.of(name), context));
        }
        return out.toString();
    }

    private static Context context(Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(variables);
        return context;
    }
}
