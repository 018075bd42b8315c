/**
 * The admin dashboard as plain Java: the live per-side figures over a sliding window, the view of the gateway's state
 * the page shows (rendered to JSON), and the dashboard's login sessions; the web package serves them.
 */
package dev.strangler.gateway.dashboard;
