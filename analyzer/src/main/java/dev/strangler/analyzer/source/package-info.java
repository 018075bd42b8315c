/**
 * Reads Java source trees with JavaParser into the core model, with the descriptors, views and mapping files that
 * declare entry points outside Java code; no JavaParser type leaves this package.
 */
package dev.strangler.analyzer.source;
