package dev.threadline.messaging.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function of the host that the AI may call, e.g. {@code check_availability} or {@code book_appointment}.
 *
 * @param parametersJsonSchema JSON Schema of the arguments object
 * @param sideEffecting whether calling it changes something (a booking); such calls get an idempotency
 *        key and a repeated call with the same arguments in the same conversation returns the first result
 *        instead of acting again
 */
public record AiTool(String name, String description, String parametersJsonSchema, boolean sideEffecting,
                     ToolExecutor executor) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    public AiTool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match [a-zA-Z0-9_-]{1,64}: " + name);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parametersJsonSchema, "parametersJsonSchema");
        Objects.requireNonNull(executor, "executor");
    }

    /** The host code behind a tool. */
    @FunctionalInterface
    public interface ToolExecutor {
        /**
         * Runs the tool. Throw any exception to report a failure back to the model; its message is
         * shown to the model, never to the customer.
         *
         * @return the result, preferably JSON
         */
        String execute(ToolInvocation invocation) throws Exception;
    }
}
