package dev.strangler.analyzer.core;

/** Where a table access was found. */
public enum DataAccessOrigin {
    /** an entity mapped to the table, used through JPA */
    JPA_ENTITY,
    /** a Spring Data repository of an entity mapped to the table */
    SPRING_DATA,
    /** JPQL or HQL in {@code @Query} or {@code createQuery} */
    JPQL,
    /** native SQL in {@code @Query(nativeQuery = true)} or {@code createNativeQuery} */
    NATIVE_SQL,
    /** an SQL string literal given to JdbcTemplate or JDBC */
    JDBC,
    /** a statement in a MyBatis mapper XML file or annotation */
    MYBATIS
}
