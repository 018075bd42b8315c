/**
 * Reads Java source trees with JavaParser into the core model: the scan's entry ({@code SourceScanner},
 * {@code ScanOptions}) and what orchestrates the sub-packages (per-file parsing, XML descriptor dispatch, risks);
 * no JavaParser type leaves this package and its sub-packages.
 */
package dev.strangler.analyzer.source;
