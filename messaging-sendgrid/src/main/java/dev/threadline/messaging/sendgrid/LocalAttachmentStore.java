package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.sendgrid.internal.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Attachments as files in a local directory, one subdirectory per tenant, each file named by the SHA-256 of its
 * content: the sender's file name never becomes a path, and storing the same content twice keeps one file and
 * returns the same {@code file:} reference.
 *
 * <p>A file is written under a temporary name and moved into place, so a reader never sees half a file. The
 * directory should be on a disk every app instance shares when more than one serves the same tenants.
 */
public final class LocalAttachmentStore implements AttachmentStore {

    /** Tenant ids that are safe as one directory name as they are; others are hashed. */
    private static final Pattern SAFE_TENANT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private final Path directory;

    /** A store under {@code directory}, created on first use. */
    public LocalAttachmentStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    @Override
    public String store(String tenantId, String name, String contentType, byte[] content) {
        Path tenantDirectory = directory.resolve(tenantDirectoryName(tenantId));
        Path target = tenantDirectory.resolve(Sha256.hex(content));
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(tenantDirectory);
                Path temporary = Files.createTempFile(tenantDirectory, "incoming-", ".tmp");
                try {
                    Files.write(temporary, content);
                    move(temporary, target);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return target.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("attachment of tenant " + tenantId + " could not be stored", e);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another worker stored the same content first: same name, same bytes.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String tenantDirectoryName(String tenantId) {
        return SAFE_TENANT.matcher(tenantId).matches() ? tenantId
                : "tenant-" + Sha256.hex(tenantId.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
