/** Data readers: entities, repositories, named statements and the SQL tables code reads and writes. */
package dev.strangler.analyzer.source.data;
