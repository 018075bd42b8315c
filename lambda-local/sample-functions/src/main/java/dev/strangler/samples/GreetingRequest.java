package dev.strangler.samples;

/**
 * The event {@link GreetingHandler} takes, e.g. {@code {"name":"Ada"}}.
 *
 * <p>A mutable JavaBean rather than a record because the runtime client's POJO serializer binds through setters.
 */
public class GreetingRequest {
    private String name;

    public GreetingRequest() {
    }

    public GreetingRequest(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
