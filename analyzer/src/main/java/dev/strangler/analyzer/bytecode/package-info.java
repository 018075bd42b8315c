/** Reads compiled classes and jars with ArchUnit's importer into the core model. */
package dev.strangler.analyzer.bytecode;
