package dev.strangler.gateway.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one invoke, as the Lambda call tells it: a reply, an accepted event, or one of the failures. Built
 * by {@link LambdaInvoker} where the call is made, so callers dispatch on the type rather than on messages or bodies.
 */
public sealed interface InvocationOutcome
        permits InvocationOutcome.Reply, InvocationOutcome.Accepted, InvocationOutcome.Failure {

    /** The Lambda request id, or null when the call never reached Lambda. */
    String awsRequestId();

    /**
     * The function ran and returned {@code payload} (a synchronous invoke). The array is owned by this record.
     *
     * @param payload what the function returned
     * @param awsRequestId the Lambda request id, or null
     */
    record Reply(byte[] payload, String awsRequestId) implements InvocationOutcome {
        public Reply {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Lambda queued the event for the function (an {@code Event} invoke); it runs later, its result is not seen.
     *
     * @param awsRequestId the Lambda request id, or null
     */
    record Accepted(String awsRequestId) implements InvocationOutcome {
    }

    /** An invoke that did not give a usable reply. {@link #kind()} names it in metrics, logs and headers. */
    sealed interface Failure extends InvocationOutcome
            permits FunctionError, FunctionTimeout, Timeout, Throttled, TooLarge, NotInvoked {

        /** The failure's label: {@code function_error}, {@code timeout}, {@code throttled}, {@code too_large}, {@code failed}. */
        String kind();

        /** A short description for the gateway's log (never for the client: it may name the function). */
        String describe();
    }

    /**
     * The function threw, or its reply could not be mapped (Lambda answered 200 with {@code X-Amz-Function-Error}).
     *
     * @param errorType the function's error type ({@code Unhandled}, {@code Handled}, the exception's class), or a
     *                  note like {@code malformed reply: ...}
     * @param awsRequestId the Lambda request id, or null
     */
    record FunctionError(String errorType, String awsRequestId) implements Failure {
        public FunctionError {
            Objects.requireNonNull(errorType, "errorType");
        }

        @Override
        public String kind() {
            return "function_error";
        }

        @Override
        public String describe() {
            return errorType;
        }
    }

    /**
     * The function ran out of its own configured time (Lambda's {@code Sandbox.Timedout}, "Task timed out").
     *
     * @param awsRequestId the Lambda request id, or null
     */
    record FunctionTimeout(String awsRequestId) implements Failure {
        @Override
        public String kind() {
            return "timeout";
        }

        @Override
        public String describe() {
            return "the function timed out";
        }
    }

    /**
     * No answer within the gateway's invoke timeout.
     *
     * @param limit the invoke timeout that passed
     */
    record Timeout(Duration limit) implements Failure {
        public Timeout {
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public String awsRequestId() {
            return null;
        }

        @Override
        public String kind() {
            return "timeout";
        }

        @Override
        public String describe() {
            return "no answer within " + limit;
        }
    }

    /**
     * Lambda refused the invoke for lack of concurrency ({@code TooManyRequestsException}).
     *
     * @param reason Lambda's reason, or null
     * @param retryAfterSeconds seconds Lambda asked the caller to wait, or null
     */
    record Throttled(String reason, Integer retryAfterSeconds) implements Failure {
        @Override
        public String awsRequestId() {
            return null;
        }

        @Override
        public String kind() {
            return "throttled";
        }

        @Override
        public String describe() {
            return "throttled (" + reason + ")";
        }
    }

    /**
     * The request or its event is over Lambda's payload limit; the function was not invoked.
     *
     * @param bytes the size that was refused, or -1 when only known to be over the limit
     */
    record TooLarge(long bytes) implements Failure {
        @Override
        public String awsRequestId() {
            return null;
        }

        @Override
        public String kind() {
            return "too_large";
        }

        @Override
        public String describe() {
            return "request body of " + (bytes < 0 ? "more than the limit" : bytes + " bytes")
                    + " is over Lambda's payload limit";
        }
    }

    /**
     * Any other failure to invoke: connection refused, an unknown function, a service error.
     *
     * @param reason what failed, like {@code ResourceNotFoundException} or {@code SdkClientException}
     */
    record NotInvoked(String reason) implements Failure {
        public NotInvoked {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String awsRequestId() {
            return null;
        }

        @Override
        public String kind() {
            return "failed";
        }

        @Override
        public String describe() {
            return "could not be invoked: " + reason;
        }
    }
}
