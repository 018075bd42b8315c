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
    MYBATIS,
    /** a statement of an iBatis 2 SQL map, run by its id ({@code queryForList("getUsers")}) */
    IBATIS,
    /** SQL kept by name in a {@code .sql} or {@code .properties} file and looked up by that name */
    NAMED_SQL,
    /** a MongoDB collection read or written through Spring Data MongoDB or the Java driver */
    MONGODB
}
