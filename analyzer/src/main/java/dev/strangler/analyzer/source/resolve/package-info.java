/** The type index and name resolution: declared and library types, written types, annotations and stereotypes. */
package dev.strangler.analyzer.source.resolve;
