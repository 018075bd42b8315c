/** Command-line front ends: gateway start-up options and the {@code routes} client of the admin API; plain Java. */
package dev.strangler.gateway.cli;
