/**
 * Progressive delivery of one route, as plain Java: the rollout plan and its state as kept in the route file, the
 * figures of the current step per side, and the judge that turns plan, state, figures and the time into a decision.
 */
package dev.strangler.gateway.rollout;
