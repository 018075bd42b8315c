/**
 * The {@code plain} flavor: a Lambda handler without a Spring context, its route table, dispatcher and object graph
 * generated from the moved sources, for a fast cold start.
 */
package dev.strangler.extraction.plain;
