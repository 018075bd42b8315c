package dev.strangler.gateway.lambda;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns what the SDK returned for one invoke (an answer or an exception) into an {@link InvocationOutcome}. Stateless. */
final class OutcomeTranslation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The error type Lambda gives a function that ran out of its configured time. */
    static final String SANDBOX_TIMEOUT = "Sandbox.Timedout";

    private OutcomeTranslation() {
    }

    /**
     * The outcome of an invoke Lambda answered: a reply, or, with {@code functionError} set, a function error or a
     * function timeout, told apart by the error JSON in {@code payload}.
     */
    static InvocationOutcome ofAnswer(String functionError, byte[] payload, String awsRequestId) {
        if (functionError == null || functionError.isEmpty()) {
            return new InvocationOutcome.Reply(payload, awsRequestId);
        }
        return isTimeout(payload) ? new InvocationOutcome.FunctionTimeout(awsRequestId)
                : new InvocationOutcome.FunctionError(functionError, awsRequestId);
    }

    /**
     * The outcome of an Event invoke Lambda answered: accepted when it says 202 (queued), a failure to invoke for any
     * other status, which Lambda does not send for an Event invoke.
     */
    static InvocationOutcome ofQueued(Integer status, String awsRequestId) {
        if (status != null && status == 202) {
            return new InvocationOutcome.Accepted(awsRequestId);
        }
        return new InvocationOutcome.NotInvoked("an Event invoke was answered " + status + " instead of 202");
    }

    /** The failure an SDK exception stands for; {@code timeout} is the invoke timeout that applied. */
    static InvocationOutcome.Failure ofError(Throwable error, Duration timeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TooManyRequestsException throttled) {
            return new InvocationOutcome.Throttled(throttled.reasonAsString(), parseSeconds(throttled.retryAfterSeconds()));
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
            return new InvocationOutcome.Timeout(timeout);
        }
        if (cause instanceof RequestTooLargeException) {
            return new InvocationOutcome.TooLarge(-1);
        }
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return new InvocationOutcome.NotInvoked(service.awsErrorDetails().errorCode() + " (" + service.statusCode() + ")");
        }
        return new InvocationOutcome.NotInvoked(cause.getClass().getSimpleName());
    }

    /**
     * Whether a function's error JSON says it timed out: {@code errorType} {@value #SANDBOX_TIMEOUT}, or (older
     * runtimes, lambda-local) an {@code errorMessage} with "Task timed out after".
     */
    static boolean isTimeout(byte[] errorJson) {
        JsonNode error;
        try {
            error = JSON.readTree(errorJson);
        } catch (RuntimeException e) {
            return false; // not JSON: an error, but not one Lambda wrote for a timeout
        }
        if (error == null || !error.isObject()) {
            return false;
        }
        return SANDBOX_TIMEOUT.equals(error.path("errorType").asString(""))
                || error.path("errorMessage").asString("").contains("Task timed out after");
    }

    private static Integer parseSeconds(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
