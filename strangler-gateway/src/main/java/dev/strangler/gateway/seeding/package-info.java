/**
 * Seeding a route file from the analyzer's report: reading and validating {@code decomposition.json} against its
 * schema, turning its HTTP routes into gateway routes to the monolith, in first-match order; no Spring.
 */
package dev.strangler.gateway.seeding;
