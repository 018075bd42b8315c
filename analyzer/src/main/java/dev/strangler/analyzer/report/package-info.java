/** Writes a decomposition as the JSON contract for other tools, a Markdown summary and an interactive HTML page for people. */
package dev.strangler.analyzer.report;
