/** Writes a decomposition as the JSON contract for other tools and as a Markdown summary for people. */
package dev.strangler.analyzer.report;
