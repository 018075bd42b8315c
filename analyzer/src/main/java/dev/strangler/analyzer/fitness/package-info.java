/**
 * Fitness functions: the report's boundaries as an ArchUnit test class and as jQAssistant constraints, rendered from
 * Mustache templates for the team to drop into the monolith's build, so that only new cross-candidate dependencies fail.
 */
package dev.strangler.analyzer.fitness;
