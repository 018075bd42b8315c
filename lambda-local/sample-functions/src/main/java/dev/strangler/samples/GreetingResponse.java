package dev.strangler.samples;

/**
 * The answer of {@link GreetingHandler}, e.g. {@code {"greeting":"Hello, Ada!"}}.
 *
 * <p>A mutable JavaBean rather than a record because the runtime client's POJO serializer reads getters.
 */
public class GreetingResponse {
    private String greeting;

    public GreetingResponse() {
    }

    public GreetingResponse(String greeting) {
        this.greeting = greeting;
    }

    public String getGreeting() {
        return greeting;
    }

    public void setGreeting(String greeting) {
        this.greeting = greeting;
    }
}
