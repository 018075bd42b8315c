/** Graceful shutdown: the drain state and the count of in-flight work, plain Java, tested on values. */
package dev.strangler.gateway.drain;
