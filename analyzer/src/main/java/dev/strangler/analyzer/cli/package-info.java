/** The command line: arguments, files, progress, summary and exit codes; the only package that touches the console. */
package dev.strangler.analyzer.cli;
