package dev.threadline.messaging.automation.template;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A text with {@code {{dotted.path}}} placeholders, parsed once. Rendering looks each path up in a
 * variables map: first as a flat key ({@code "customer.name"}), then through nested maps
 * ({@code {"customer": {"name": …}}}). Every missing variable is an error; nothing is left half-filled.
 */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*}}");

    private final String source;
    private final List<String> literals;
    private final List<String> paths;

    private TemplateText(String source, List<String> literals, List<String> paths) {
        this.source = source;
        this.literals = literals;
        this.paths = paths;
    }

    /**
     * Parses {@code source}.
     *
     * @param field the field reported when the text is malformed (an unclosed or empty placeholder)
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code field}
     */
    public static TemplateText parse(String source, String field) {
        Objects.requireNonNull(source, field);
        List<String> literals = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        while (m.find()) {
            literals.add(requireNoBraces(source.substring(last, m.start()), field));
            paths.add(m.group(1));
            last = m.end();
        }
        literals.add(requireNoBraces(source.substring(last), field));
        return new TemplateText(source, List.copyOf(literals), List.copyOf(paths));
    }

    private static String requireNoBraces(String literal, String field) {
        if (literal.contains("{{") || literal.contains("}}")) {
            throw NonRetriableMessagingException.validation(field,
                    field + " has a malformed placeholder; use {{name}} or {{dotted.path}}");
        }
        return literal;
    }

    /** The placeholder paths in order of first use. */
    public Set<String> variables() {
        return new LinkedHashSet<>(paths);
    }

    /** The text as written. */
    public String source() {
        return source;
    }

    /**
     * Fills every placeholder.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} with field {@code variables.<path>}
     *         for the first placeholder without a (non-null) value
     */
    public String render(Map<String, ?> variables) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (int i = 0; i < paths.size(); i++) {
            out.append(literals.get(i));
            String path = paths.get(i);
            Object value = lookup(variables, path);
            if (value == null) {
                throw NonRetriableMessagingException.validation("variables." + path, "missing template variable " + path);
            }
            out.append(value);
        }
        out.append(literals.get(paths.size()));
        return out.toString();
    }

    /** The value at {@code path}: a flat key wins over a walk through nested maps. */
    static @Nullable Object lookup(Map<String, ?> variables, String path) {
        if (variables.containsKey(path)) {
            return variables.get(path);
        }
        Object current = variables;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    /** Two texts are equal when their sources are: the parsed parts follow from it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateText text && text.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
