/** Reads Java source trees with JavaParser into the core model; no JavaParser type leaves this package. */
package dev.strangler.analyzer.source;
