/** Benchmark tools for the source scanner: a synthetic codebase generator and a timed scan; run by hand, not by tests. */
package dev.strangler.analyzer.bench;
