package dev.strangler.analyzer.core;

/** What starts a use case. */
public enum EntryPointKind {
    HTTP, SCHEDULED, MESSAGE
}
