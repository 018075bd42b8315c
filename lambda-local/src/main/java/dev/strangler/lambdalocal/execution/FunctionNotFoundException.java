package dev.strangler.lambdalocal.execution;

/** Thrown when an invocation names a function that is not deployed; the Invoke API answers 404. */
public final class FunctionNotFoundException extends RuntimeException {
    public FunctionNotFoundException(String arn) {
        super("Function not found: " + arn);
    }
}
