/** What a scan found, accumulated per file and merged in file order; shared by the resolve, framework and data readers. */
package dev.strangler.analyzer.source.facts;
