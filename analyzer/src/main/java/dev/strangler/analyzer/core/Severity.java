package dev.strangler.analyzer.core;

/** How much a problem matters to the result. */
public enum Severity {
    /** part of the input could not be analysed */
    ERROR,
    /** analysed, but less precisely than it could have been */
    WARNING,
    /** a fact worth knowing, such as a skipped folder */
    NOTE
}
