/**
 * Runs the rollouts of the route table: starts, advances, completes and rolls back routes on a timer through the
 * route store (so each change is validated, written, audited and applied like an operator's), and counts the
 * decisions in Micrometer.
 */
package dev.strangler.gateway.autopilot;
