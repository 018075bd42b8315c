/** Tests of the repository's {@code strangler} launcher script running the packaged analyzer jar. */
package dev.strangler.analyzer.launcher;
