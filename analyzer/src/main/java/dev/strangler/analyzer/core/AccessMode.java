package dev.strangler.analyzer.core;

/** Whether a statement reads or writes a table; writes decide ownership more than reads. */
public enum AccessMode {
    READ, WRITE
}
