/** The route table and request matching: which route a request belongs to and which side serves it; plain Java. */
package dev.strangler.gateway.routing;
