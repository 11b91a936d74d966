package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAttachmentStoreTest {

    private static final byte[] CONTENT = "hello".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void aFileIsNamedByItsContentInItsTenantsDirectory() {
        String url = new LocalAttachmentStore(directory).store("acme", "../../x.pdf", "application/pdf", CONTENT);

        assertThat(Path.of(URI.create(url))).hasParent(directory.resolve("acme")).hasBinaryContent(CONTENT)
                .hasFileName("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void aTenantIdThatIsNoSafeDirectoryNameIsHashed() {
        String url = new LocalAttachmentStore(directory).store("../other", "x", "text/plain", CONTENT);

        Path stored = Path.of(URI.create(url));
        assertThat(stored).startsWith(directory);
        assertThat(stored.getParent().getFileName().toString()).startsWith("tenant-").doesNotContain(".");
    }
}
