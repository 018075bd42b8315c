package dev.strangler.gateway.routing;

/** What route matching may look at in a request; implemented over the web framework's request. */
public interface RequestFacts {

    /** The HTTP method in upper case. */
    String method();

    /** The decoded request path, starting with '/'. */
    String path();

    /** The first value of a header, or null; names are case-insensitive. */
    String header(String name);

    /** The value of a cookie, or null. */
    String cookie(String name);
}
