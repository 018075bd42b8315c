package dev.strangler.analyzer.core;

/** How one class uses another; the clustering gives each kind its own weight. */
public enum DependencyKind {
    /** extends or implements */
    INHERITANCE,
    /** a method call or a field access on the other type */
    CALL,
    /** {@code new Other(...)} */
    INSTANTIATION,
    /** a field of the other type (including generic arguments, as in {@code List<Other>}) */
    FIELD,
    /** a parameter, return or thrown type */
    SIGNATURE,
    /** a local variable, cast, class literal or other use inside a body */
    LOCAL,
    /** an annotation of the other type */
    ANNOTATION,
    /** a JPA association between entities ({@code @ManyToOne} and friends) */
    ASSOCIATION
}
