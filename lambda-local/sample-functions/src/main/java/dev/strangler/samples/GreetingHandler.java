package dev.strangler.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A {@link RequestHandler} on POJOs: {@code {"name":"Ada"}} → {@code {"greeting":"Hello, Ada!"}}. */
public class GreetingHandler implements RequestHandler<GreetingRequest, GreetingResponse> {

    @Override
    public GreetingResponse handleRequest(GreetingRequest request, Context context) {
        String name = request == null ? null : request.getName();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, but was '" + name + "'; send {\"name\":\"Ada\"}");
        }
        context.getLogger().log("Greeting " + name + " in request " + context.getAwsRequestId() + "\n");
        return new GreetingResponse("Hello, " + name + "!");
    }
}
