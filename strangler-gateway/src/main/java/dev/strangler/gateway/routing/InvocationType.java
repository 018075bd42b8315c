package dev.strangler.gateway.routing;

import java.util.Locale;

/** How a route's Lambda function is invoked: waiting for its reply, or handing it the event and answering 202 at once. */
public enum InvocationType {
    /** Synchronous (Lambda's {@code RequestResponse}): the function's reply is the client's answer. The default. */
    REQUEST_RESPONSE,
    /** Asynchronous (Lambda's {@code Event}): the gateway answers 202 once Lambda has queued the event. */
    EVENT;

    /** The route file's word for it: {@code request-response} or {@code event}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type a route file names, like {@code event}; throws for any other word. */
    public static InvocationType of(String label) {
        for (InvocationType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("invocation must be request-response or event, but was '" + label + "'");
    }
}
