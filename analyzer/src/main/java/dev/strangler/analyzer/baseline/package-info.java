/**
 * Compares a committed baseline report with a new one: cross-candidate dependencies added and removed, coupling per
 * candidate pair, and whether coupling got worse; the only package that reads a report back (with Jackson).
 */
package dev.strangler.analyzer.baseline;
