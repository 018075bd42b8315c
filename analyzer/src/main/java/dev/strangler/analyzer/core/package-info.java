/** The analyzer's model of a codebase and the algorithms over it; JDK only, values in and values out. */
package dev.strangler.analyzer.core;
