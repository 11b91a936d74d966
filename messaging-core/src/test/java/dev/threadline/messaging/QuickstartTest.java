package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the README's quickstart as the whole file it shows, imports included, and runs it. */
class QuickstartTest {

    private static final Path README = Path.of("../README.md");
    private static final Pattern QUICKSTART = Pattern.compile("```java\n(import .*?public class Quickstart .*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void theReadmesQuickstartCompilesAsOneFileAndRepliesAndListsTheConversation() throws Exception {
        Path source = work.resolve("Quickstart.java");
        Files.writeString(source, quickstartFromReadme());

        compile(source);
        List<String> printed = run("Quickstart");

        assertThat(printed).containsExactly(
                "Botox: $12 per unit, about 30 minutes. Smooths fine lines. Would you like to book? Tell me a day and time that suits you and a team member will confirm.",
                "Asks: How much is Botox?: 1 unread");
    }

    private static String quickstartFromReadme() throws IOException {
        Matcher block = QUICKSTART.matcher(Files.readString(README));
        assertThat(block.find()).as("README has a ```java block with the whole Quickstart class").isTrue();
        return block.group(1);
    }

    private void compile(Path source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // Surefire puts the test class path in this property (java.class.path may be a manifest-only jar).
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-classpath", classPath, "-d", work.toString(), "-Xlint:none"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile())).call();
        assertThat(compiled).as(errors.toString()).isTrue();
    }

    private List<String> run(String className) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
