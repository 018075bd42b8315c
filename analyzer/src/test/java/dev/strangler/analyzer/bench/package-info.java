/** Benchmark tools: a synthetic codebase generator, a timed scan, and the decomposition and reports timed warm; run by hand, not by tests. */
package dev.strangler.analyzer.bench;
