package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.notify.KeywordUrgencyClassifier;
import dev.threadline.messaging.openai.OpenAiSettings;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.AiModes;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guides and the binding agree: every {@code messaging.*} property a guide names (any Markdown file of the
 * repository: the root README, every module's README, docs/) is in the configuration metadata the build generates
 * from the properties classes, merged with META-INF/additional-spring-configuration-metadata.json for what is bound
 * another way; every default a guide gives is the metadata's; and every default written by hand into that
 * additional file is the one the code applies.
 *
 * <p>A guide names a property in inline code ({@code `messaging.twilio.read-timeout`}, also with an {@code =value}
 * example), as a short sibling after a full name in a property table's first cell ({@code `read-timeout`}), as an
 * environment variable in Spring's relaxed form ({@code MESSAGING_TWILIO_AUTH_TOKEN}), or as a key of a yaml or
 * properties code block. A map key, written {@code <key>}, {@code [key]} or plainly, must follow a property of map
 * type, and what follows the key must exist in the map's value type ({@code messaging.tenants.<tenant>.ai.mode}).
 * {@code `messaging.twilio.*`} names a namespace that must hold at least one property. A default is written
 * {@code [`value`]} after a name in a property table, {@code [env `X`, else `value`]} for a property that falls back
 * to an environment variable, and {@code (default value)} after a name in prose; any other bracket after a name in a
 * property table fails as unreadable, so no default escapes the check by its spelling.
 *
 * <p>{@code messaging.*} is the starter's alone. The example app binds its own settings under {@code console.*}
 * with its own properties class; its guide's {@code messaging.*} names are checked here like every other guide's.
 */
class DocumentedPropertiesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** One segment of a property name: a name, a {@code <placeholder>} key or a {@code [bracketed]} key. */
    private static final String SEGMENT = "(?:[a-z0-9][a-z0-9-]*|<[^<>`]+>|\\[[^\\[\\]`]+\\])";
    /** The whole of an inline code span naming a property or, with {@code .*}, a namespace. */
    private static final Pattern PROPERTY = Pattern.compile("(?<name>messaging(?:\\." + SEGMENT + ")+)(?<namespace>\\.\\*)?(?:=.*)?");
    /** The whole of a short sibling's code span in a property table: {@code read-timeout}, {@code by-tenant.<tenant>}. */
    private static final Pattern SIBLING = Pattern.compile("(?<name>[a-z0-9][a-z0-9-]*(?:\\." + SEGMENT + ")*)(?:=.*)?");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    /** In a table's first cell: a code span and the bracket after it, whose own code spans belong to the bracket. */
    private static final Pattern TABLE_ENTRY = Pattern.compile("`([^`]+)`(?:\\s*\\[((?:[^\\[\\]`]|`[^`]*`)*)\\])?");
    private static final Pattern PLAIN_DEFAULT = Pattern.compile("`([^`]*)`");
    private static final Pattern ENV_DEFAULT = Pattern.compile("env `[A-Z0-9_]+`(?:, else `(?<value>[^`]*)`)?");
    private static final Pattern PROSE_DEFAULT = Pattern.compile("`(messaging\\.[^`]+)`\\s*\\(default `?(?<value>[^`)\\s]+)`?\\)");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\bMESSAGING_[A-Z0-9_]*[A-Z0-9]\\b");

    /** A name as a guide wrote it, and where. */
    private record Mention(String name, String where) {
    }

    /** A default as a guide wrote it, and where. */
    private record Documented(String property, String value, String where) {
    }

    /** One property of the metadata: its type as the metadata writes it, where it is declared, and its default as text. */
    private record Bound(String name, String type, @Nullable String sourceType, String defaultValue) {
    }

    private static final Map<String, Bound> bound = new HashMap<>();
    private static final Set<String> groups = new HashSet<>();
    private static final List<String> guideFiles = new ArrayList<>();
    private static final GuideReader guides = new GuideReader();

    @BeforeAll
    static void read() throws IOException {
        readMetadata();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !ROOT.relativize(f).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
                    .sorted().toList();
        }
        for (Path file : files) {
            guideFiles.add(ROOT.relativize(file).toString());
            guides.read(ROOT.relativize(file).toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyGuideIsRead() {
        assertThat(guideFiles).contains("README.md", "docs/http-api.md", "messaging-spring-boot-starter/README.md",
                "messaging-twilio/README.md", "messaging-sendgrid/README.md", "messaging-openai/README.md", "messaging-jpa/README.md",
                "messaging-automation/README.md", "examples/messaging-console/README.md");
        assertThat(guides.names).hasSizeGreaterThan(40);
        assertThat(guides.defaults).hasSizeGreaterThan(40);
    }

    @Test
    void theReaderFindsEveryWayAGuideNamesAPropertyAndItsDefault() {
        GuideReader reader = new GuideReader();
        reader.read("sample.md", List.of(
                "| `messaging.twilio.connect-timeout` [`5s`], `read-timeout` [`15s`] | REST timeouts |",
                "| `messaging.openai.base-url` [env `OPENAI_BASE_URL`, else `https://api.openai.com/v1`] | any server |",
                "| `messaging.automation.campaigns.messages-per-minute` [`60`], `messages-per-minute-by-tenant.<tenant>` | limits |",
                "| `messaging.spring-ai.tenant` [the default tenant] | whose conversations |",
                "Give `messaging.twilio.pacing.segments-per-second.[+18005550100]=3`; `messaging.simulator.enabled` (default true).",
                "The starter wires `messaging.twilio.*`; export MESSAGING_TWILIO_AUTH_TOKEN.",
                "```yaml",
                "messaging:",
                "  security:",
                "    api-keys:",
                "      some-key: acme",
                "```",
                "```properties",
                "messaging.ai.mode=draft",
                "```",
                "```java",
                "messaging.receive(parser.parseInbound(\"acme\", form));",
                "```"));

        assertThat(reader.names).extracting(Mention::name).containsExactlyInAnyOrder(
                "messaging.twilio.connect-timeout", "messaging.twilio.read-timeout", "messaging.openai.base-url",
                "messaging.automation.campaigns.messages-per-minute", "messaging.automation.campaigns.messages-per-minute-by-tenant.<tenant>",
                "messaging.spring-ai.tenant", "messaging.twilio.pacing.segments-per-second.[+18005550100]", "messaging.simulator.enabled",
                "messaging.twilio.*", "messaging.security.api-keys.some-key", "messaging.ai.mode");
        assertThat(reader.environmentVariables).extracting(Mention::name).containsExactly("MESSAGING_TWILIO_AUTH_TOKEN");
        assertThat(reader.defaults).extracting(Documented::property, Documented::value).containsExactlyInAnyOrder(
                tuple("messaging.twilio.connect-timeout", "5s"), tuple("messaging.twilio.read-timeout", "15s"),
                tuple("messaging.openai.base-url", "https://api.openai.com/v1"),
                tuple("messaging.automation.campaigns.messages-per-minute", "60"), tuple("messaging.simulator.enabled", "true"));
        assertThat(reader.unreadableDefaults).extracting(Mention::name).containsExactly("messaging.spring-ai.tenant [the default tenant]");
    }

    @Test
    void everyDocumentedPropertyIsBound() {
        List<String> missing = new ArrayList<>();
        guides.names.stream().filter(m -> !isBound(m.name())).forEach(m -> missing.add(m.name() + " (" + m.where() + ")"));
        guides.environmentVariables.stream().filter(m -> !isBoundEnvironmentVariable(m.name()))
                .forEach(m -> missing.add(m.name() + " (" + m.where() + ")"));
        assertThat(missing).as("documented but not in the generated configuration metadata").isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheBoundOne() {
        List<String> differing = new ArrayList<>();
        for (Documented documented : guides.defaults) {
            Bound property = bound.get(documented.property());
            if (property == null || !property.defaultValue().equals(documented.value())) {
                differing.add(documented.property() + ": documented [" + documented.value() + "] in " + documented.where()
                        + ", bound " + (property == null ? "nowhere" : "[" + property.defaultValue() + "]"));
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void everyDefaultInAPropertyTableIsReadable() {
        assertThat(guides.unreadableDefaults).as("write a default as [`value`] or [env `VARIABLE`, else `value`]").isEmpty();
    }

    /**
     * The additional metadata states defaults the binding leaves unset so that another rule can apply; each is
     * compared with what the code then applies.
     */
    @Test
    void everyHandWrittenDefaultIsTheOneTheCodeApplies() throws IOException {
        MessagingProperties unconfigured = new Binder(new MapConfigurationPropertySource()).bindOrCreate("messaging", MessagingProperties.class);
        Map<String, Supplier<String>> applied = Map.of(
                "messaging.ai.mode", () -> new AiModes(unconfigured).apply("any-tenant", ChannelId.SMS).name().toLowerCase(Locale.ROOT),
                "messaging.openai.model", () -> OpenAiSettings.DEFAULT_MODEL,
                "messaging.openai.base-url", () -> OpenAiSettings.DEFAULT_BASE_URL,
                "messaging.automation.urgent-keywords", () -> String.join(", ", KeywordUrgencyClassifier.DEFAULT_KEYWORDS));
        List<String> differing = new ArrayList<>();
        forEachEntry("META-INF/additional-spring-configuration-metadata.json", "properties", property -> {
            String name = property.get("name").asString();
            JsonNode value = property.get("defaultValue");
            if (name.startsWith("messaging.") && value != null) {
                Supplier<String> code = applied.get(name);
                if (code == null) {
                    differing.add(name + ": a hand-written default this test does not compare with the code");
                } else if (!defaultText(value).equals(code.get())) {
                    differing.add(name + ": metadata [" + defaultText(value) + "], the code applies [" + code.get() + "]");
                }
            }
        });
        assertThat(differing).isEmpty();
    }

    /** What guides say: the names they give, environment variables, defaults, and defaults it cannot read. */
    private static final class GuideReader {
        final List<Mention> names = new ArrayList<>();
        final List<Mention> environmentVariables = new ArrayList<>();
        final List<Documented> defaults = new ArrayList<>();
        final List<Mention> unreadableDefaults = new ArrayList<>();

        void read(String file, List<String> lines) {
            String fence = null;
            StringBuilder block = new StringBuilder();
            int blockStart = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = file + ":" + (i + 1);
                Matcher variable = ENVIRONMENT_VARIABLE.matcher(line);
                while (variable.find()) {
                    environmentVariables.add(new Mention(variable.group(), where));
                }
                if (line.strip().startsWith("```")) {
                    if (fence == null) {
                        fence = line.strip().substring(3).strip().toLowerCase(Locale.ROOT);
                        block.setLength(0);
                        blockStart = i + 2;
                    } else {
                        readCodeBlock(fence, block.toString(), file + ":" + blockStart);
                        fence = null;
                    }
                } else if (fence != null) {
                    block.append(line).append('\n');
                } else {
                    readProse(line, where);
                }
            }
        }

        private void readProse(String line, String where) {
            Matcher span = CODE_SPAN.matcher(line);
            while (span.find()) {
                Matcher property = PROPERTY.matcher(span.group(1));
                if (property.matches()) {
                    names.add(new Mention(property.group("name") + (property.group("namespace") != null ? ".*" : ""), where));
                }
            }
            Matcher prose = PROSE_DEFAULT.matcher(line);
            while (prose.find()) {
                Matcher property = PROPERTY.matcher(prose.group(1));
                if (property.matches()) {
                    defaults.add(new Documented(property.group("name"), prose.group("value"), where));
                }
            }
            if (line.startsWith("| `messaging.")) {
                readTableCell(line.substring(1, line.indexOf('|', 1)), where);
            }
        }

        /**
         * A property table row's first cell, e.g. {@code `messaging.twilio.connect-timeout` [`5s`], `read-timeout` [`15s`]}:
         * the short {@code read-timeout} is {@code messaging.twilio.read-timeout}, each bracket the default of the name before it.
         */
        private void readTableCell(String cell, String where) {
            String parent = null;
            Matcher entry = TABLE_ENTRY.matcher(cell);
            while (entry.find()) {
                String name;
                Matcher full = PROPERTY.matcher(entry.group(1));
                Matcher sibling = SIBLING.matcher(entry.group(1));
                if (full.matches() && full.group("namespace") == null) {
                    name = full.group("name");
                    List<String> segments = segments(name);
                    parent = String.join(".", segments.subList(0, segments.size() - 1));
                } else if (parent != null && sibling.matches()) {
                    name = parent + "." + sibling.group("name");
                    names.add(new Mention(name, where));
                } else {
                    continue;
                }
                String bracket = entry.group(2);
                if (bracket != null) {
                    readTableDefault(name, bracket.strip(), where);
                }
            }
        }

        private void readTableDefault(String property, String bracket, String where) {
            Matcher plain = PLAIN_DEFAULT.matcher(bracket);
            Matcher environment = ENV_DEFAULT.matcher(bracket);
            if (plain.matches()) {
                defaults.add(new Documented(property, plain.group(1), where));
            } else if (environment.matches()) {
                if (environment.group("value") != null) {
                    defaults.add(new Documented(property, environment.group("value"), where));
                }
            } else {
                unreadableDefaults.add(new Mention(property + " [" + bracket + "]", where));
            }
        }

        /** The keys under messaging of a yaml or properties code block, flattened as Spring flattens them. */
        private void readCodeBlock(String language, String text, String where) {
            List<String> keys = new ArrayList<>();
            try {
                if (language.equals("yaml") || language.equals("yml")) {
                    for (var source : new YamlPropertySourceLoader().load(where, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)))) {
                        keys.addAll(List.of(((EnumerablePropertySource<?>) source).getPropertyNames()));
                    }
                } else if (language.equals("properties")) {
                    Properties properties = new Properties();
                    properties.load(new StringReader(text));
                    keys.addAll(properties.stringPropertyNames());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the " + language + " block at " + where, e);
            }
            keys.stream().filter(k -> k.startsWith("messaging.")).sorted().forEach(k -> names.add(new Mention(k, where)));
        }
    }

    // --- the metadata

    /** Every property and group under messaging.* of every generated metadata file on the classpath. */
    private static void readMetadata() throws IOException {
        forEachEntry("META-INF/spring-configuration-metadata.json", "groups", group -> groups.add(group.get("name").asString()));
        forEachEntry("META-INF/spring-configuration-metadata.json", "properties", property -> {
            String name = property.get("name").asString();
            if (name.startsWith("messaging.")) {
                JsonNode source = property.get("sourceType");
                JsonNode value = property.get("defaultValue");
                bound.put(name, new Bound(name, property.get("type").asString(), source == null ? null : source.asString(),
                        value == null ? "" : defaultText(value)));
            }
        });
    }

    private interface EntryVisitor {
        void visit(JsonNode entry);
    }

    /** Visits the entries of one section ({@code properties}, {@code groups}) of every copy of a metadata file on the classpath. */
    private static void forEachEntry(String resource, String section, EntryVisitor visitor) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : Collections.list(DocumentedPropertiesTest.class.getClassLoader().getResources(resource))) {
            try (InputStream in = url.openStream()) {
                json.readTree(in).path(section).forEach(visitor::visit);
            }
        }
    }

    /** A default as text: a list as its values joined by a comma and a space. */
    private static String defaultText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(v -> values.add(v.asString()));
            return String.join(", ", values);
        }
        return value.asString();
    }

    // --- resolving a documented name

    /**
     * Whether the metadata has {@code name}: the property or group itself, a namespace holding a property, or a
     * key of a map property and a path that exists in the map's value type.
     */
    private static boolean isBound(String name) {
        if (name.endsWith(".*")) {
            String namespace = name.substring(0, name.length() - 1);
            return bound.keySet().stream().anyMatch(p -> p.startsWith(namespace));
        }
        if (bound.containsKey(name) || groups.contains(name)) {
            return true;
        }
        List<String> segments = segments(name);
        for (int length = segments.size() - 1; length > 0; length--) {
            String prefix = String.join(".", segments.subList(0, length));
            Bound property = bound.get(prefix);
            if (property != null) {
                Type type = declaredType(property);
                return type != null && exists(type, segments.subList(length, segments.size()));
            }
        }
        return false;
    }

    /**
     * Whether {@code path} leads somewhere in {@code type}: a map takes any key, a list an index, a record one of its
     * components; nothing follows a plain value.
     */
    private static boolean exists(Type type, List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        Class<?> raw = rawClass(type);
        Type[] arguments = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments() : new Type[0];
        if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
            return exists(arguments[1], path.subList(1, path.size()));
        }
        if (Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
            return isKey(path.get(0)) && exists(arguments[0], path.subList(1, path.size()));
        }
        if (raw.isRecord() && !isKey(path.get(0))) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getName().equals(camelCase(path.get(0)))) {
                    return exists(component.getGenericType(), path.subList(1, path.size()));
                }
            }
        }
        return false;
    }

    /** The Java type of a property, from the record component the metadata says declares it. */
    private static @Nullable Type declaredType(Bound property) {
        if (property.sourceType() == null) {
            return null;
        }
        Class<?> source;
        try {
            source = Class.forName(property.sourceType());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the metadata names " + property.sourceType() + " for " + property.name(), e);
        }
        String component = camelCase(property.name().substring(property.name().lastIndexOf('.') + 1));
        for (RecordComponent candidate : source.isRecord() ? source.getRecordComponents() : new RecordComponent[0]) {
            if (candidate.getName().equals(component)) {
                return candidate.getGenericType();
            }
        }
        return null;
    }

    /** A name's segments; a key in brackets or angle brackets is one segment whatever it holds, as is an index. */
    private static List<String> segments(String name) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == '<') {
                if (!current.isEmpty()) {
                    segments.add(current.toString());
                    current.setLength(0);
                }
                int end = name.indexOf(c == '[' ? ']' : '>', i);
                segments.add(name.substring(i, end + 1));
                i = end;
            } else if (c == '.') {
                if (!current.isEmpty()) {
                    segments.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current.toString());
        }
        return segments;
    }

    private static boolean isKey(String segment) {
        return segment.startsWith("[") || segment.startsWith("<");
    }

    /**
     * Whether an environment variable binds a property: Spring maps {@code MESSAGING_TWILIO_AUTH_TOKEN} to
     * {@code messaging.twilio.auth-token} with the dashes as underscores or dropped; after a map property come its keys.
     */
    private static boolean isBoundEnvironmentVariable(String variable) {
        for (Bound property : bound.values()) {
            String underscored = property.name().replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
            String withoutDashes = property.name().replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
            if (variable.equals(underscored) || variable.equals(withoutDashes)) {
                return true;
            }
            boolean map = property.type().startsWith("java.util.Map<");
            if (map && (variable.startsWith(underscored + "_") || variable.startsWith(withoutDashes + "_"))) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
