package dev.threadline.messaging.jpa;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables PostgreSQL tests when the server is unreachable, unless on CI, where they must run (and fail). */
final class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String unreachable = PostgresServer.unreachableReason();
        if (unreachable == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + PostgresServer.URL);
        }
        if (PostgresServer.onCi()) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests run and fail: " + unreachable);
        }
        return ConditionEvaluationResult.disabled(unreachable + " — skipping PostgreSQL tests");
    }
}
