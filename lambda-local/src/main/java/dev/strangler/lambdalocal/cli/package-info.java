/** The {@code lambda-local} command: options, startup output, running until stopped. */
package dev.strangler.lambdalocal.cli;
