package dev.strangler.analyzer.core;

/** What sort of type declaration a class is. */
public enum TypeKind {
    CLASS, INTERFACE, ENUM, RECORD, ANNOTATION
}
