package dev.strangler.analyzer.core;

/**
 * The role a type plays, as its framework annotations, supertypes or naming reveal it.
 * A type may have several; the clustering and naming weigh them, they never decide alone.
 */
public enum Stereotype {
    /** Receives requests: a Spring MVC or JAX-RS controller, a servlet, a Struts or Stripes action. */
    ENTRY_POINT,
    SERVICE,
    /** Reads or writes a data store: a Spring Data repository, a DAO, a MyBatis mapper, a JDBC helper. */
    REPOSITORY,
    /** A persistent entity (JPA {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}). */
    ENTITY,
    CONFIGURATION,
    /** Carries data between layers without behaviour of its own: DTOs, forms, requests, responses. */
    DATA_CARRIER,
    EXCEPTION,
    /** Static helpers with no state of their own, candidates for the shared kernel. */
    UTILITY,
    /** A scheduled job or message listener: an entry point that is not HTTP. */
    BACKGROUND_JOB
}
