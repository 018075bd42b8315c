/** The strangler gateway application: Spring Cloud Gateway in front of the monolith, moved routes to their targets. */
package dev.strangler.gateway;
