package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code messaging.*} property a guide names (any Markdown file of the repository) exists in the
 * configuration metadata the build generates from the properties classes, and every default a guide's property
 * table gives in brackets is the one the code binds. A property documented but not bound, or a default documented
 * differently from the code, fails the build.
 */
class DocumentedPropertiesTest {

    /** A property name in backticks; {@code <key>} placeholders and {@code =value} examples end it. */
    private static final Pattern PROPERTY = Pattern.compile("`(messaging\\.[a-z0-9.\\-]+)(?:\\.<[^`]*|\\.\\[[^`]*|=[^`]*)?`");
    /** In a table cell: a property or a sibling's short name, then optionally its default, e.g. {@code `read-timeout` [`15s`]}. */
    private static final Pattern CELL_ENTRY = Pattern.compile("`([a-z0-9.\\-<>\\[\\]+=]+)`(?:\\s*\\[`([^`]*)`\\])?");

    private static Map<String, String> metadataDefaults;
    private static List<Path> guides;

    @BeforeAll
    static void read() throws IOException {
        metadataDefaults = metadata();
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            guides = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !root.relativize(f).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
                    .sorted().toList();
        }
    }

    @Test
    void theGuidesAreRead() {
        assertThat(guides).extracting(f -> f.getFileName().toString()).contains("README.md", "http-api.md");
        assertThat(documented()).hasSizeGreaterThan(40);
    }

    @Test
    void everyDocumentedPropertyIsBound() {
        List<String> missing = new ArrayList<>();
        documented().forEach((property, where) -> {
            if (!metadataDefaults.containsKey(property)) {
                missing.add(property + " (" + where + ")");
            }
        });
        assertThat(missing).as("documented but not in the generated configuration metadata").isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheBoundOne() {
        List<String> differing = new ArrayList<>();
        for (Documented documented : documentedDefaults()) {
            String bound = metadataDefaults.get(documented.property());
            if (bound != null && !bound.equalsIgnoreCase(documented.value())) {
                differing.add(documented.property() + ": documented [" + documented.value() + "] in " + documented.where()
                        + ", bound [" + bound + "]");
            }
        }
        assertThat(differing).isEmpty();
    }

    /** Every property name in the guides, with the first file naming it. */
    private static Map<String, String> documented() {
        Map<String, String> names = new TreeMap<>();
        forEachLine((file, line) -> {
            Matcher m = PROPERTY.matcher(line);
            while (m.find()) {
                names.putIfAbsent(m.group(1), file);
            }
            tableEntries(line).forEach((property, value) -> names.putIfAbsent(property, file));
        });
        return names;
    }

    private record Documented(String property, String value, String where) {
    }

    /** Every default a property table gives as {@code [`value`]}, in every guide that gives one. */
    private static List<Documented> documentedDefaults() {
        List<Documented> defaults = new ArrayList<>();
        forEachLine((file, line) -> tableEntries(line).forEach((property, value) -> {
            if (value != null) {
                defaults.add(new Documented(property, value, file));
            }
        }));
        return defaults;
    }

    /**
     * A property table row's first cell: {@code `messaging.twilio.connect-timeout` [`5s`], `read-timeout` [`15s`]}
     * names {@code messaging.twilio.read-timeout} too, beside the first full name.
     */
    private static Map<String, String> tableEntries(String line) {
        Map<String, String> entries = new HashMap<>();
        if (!line.startsWith("| `messaging.")) {
            return entries;
        }
        String cell = line.substring(1, line.indexOf('|', 1));
        String parent = null;
        Matcher m = CELL_ENTRY.matcher(cell);
        while (m.find()) {
            String name = m.group(1);
            String full;
            if (name.startsWith("messaging.")) {
                full = name;
                parent = name.substring(0, name.lastIndexOf('.'));
            } else if (parent != null && name.matches("[a-z0-9\\-]+")) {
                full = parent + "." + name;
            } else {
                continue;
            }
            Matcher property = PROPERTY.matcher("`" + full + "`");
            if (property.matches()) {
                entries.put(property.group(1), m.group(2));
            }
        }
        return entries;
    }

    private interface LineVisitor {
        void visit(String file, String line);
    }

    private static void forEachLine(LineVisitor visitor) {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (Path guide : guides) {
            try {
                for (String line : Files.readAllLines(guide)) {
                    visitor.visit(root.relativize(guide).toString(), line);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + guide, e);
            }
        }
    }

    /** Every bound property under messaging.* with its default as text (empty when it has none). */
    private static Map<String, String> metadata() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> defaults = new HashMap<>();
        for (URL url : Collections.list(DocumentedPropertiesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.get("name").asString();
                    if (name.startsWith("messaging.")) {
                        JsonNode value = property.get("defaultValue");
                        defaults.put(name, value == null || value.isNull() ? "" : value.isArray() ? arrayText(value) : value.asString());
                    }
                }
            }
        }
        return defaults;
    }

    private static String arrayText(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return String.join(", ", values);
    }
}
