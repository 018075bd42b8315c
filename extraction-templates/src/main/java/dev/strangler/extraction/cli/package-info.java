/** The command line, {@code ./strangler extract}: options, the run, its output and exit codes. */
package dev.strangler.extraction.cli;
