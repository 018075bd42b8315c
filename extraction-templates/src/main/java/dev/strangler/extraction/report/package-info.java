/** Reads the analyzer's decomposition.json: schema version first, then the JSON Schema, then the core model. */
package dev.strangler.extraction.report;
