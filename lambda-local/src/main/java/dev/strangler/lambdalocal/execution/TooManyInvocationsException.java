package dev.strangler.lambdalocal.execution;

/** Thrown when every environment a function may have is busy; the Invoke API answers 429. */
public final class TooManyInvocationsException extends RuntimeException {
    public TooManyInvocationsException(String name, int concurrency) {
        super("Rate Exceeded. Function '" + name + "' already runs " + concurrency
                + " invocations, its concurrency limit; raise concurrency= or retry later");
    }
}
