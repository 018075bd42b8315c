package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.source.data.SqlTables;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DataFixturesTest {
    @Test
    void reads_mybatis_xml_statements_and_annotations_with_fragments_and_dynamic_sql() {
        Codebase codebase = Fixtures.scan("mybatis");

        assertThat(codebase.tableAccesses())
                .extracting(TableAccess::member, TableAccess::table, TableAccess::mode, a -> a.location().toString())
                .containsExactly(
                        tuple("byId", "post", AccessMode.READ, "src/main/java/blog/mapper/PostMapper.java:11"),
                        tuple("findAll", "author", AccessMode.READ, "src/main/resources/blog/mapper/PostMapper.xml:6"),
                        tuple("findAll", "post", AccessMode.READ, "src/main/resources/blog/mapper/PostMapper.xml:6"),
                        tuple("insert", "post", AccessMode.WRITE, "src/main/resources/blog/mapper/PostMapper.xml:14"),
                        tuple("purge", "post_tag", AccessMode.WRITE, "src/main/resources/blog/mapper/PostMapper.xml:27"),
                        tuple("touch", "post", AccessMode.WRITE, "src/main/resources/blog/mapper/PostMapper.xml:18"));
        assertThat(codebase.tableAccesses()).allMatch(a -> a.origin() == DataAccessOrigin.MYBATIS
                && a.accessor().value().equals("blog.mapper.PostMapper"));
    }

    @Test
    void warns_when_sql_needs_the_keyword_fallback() {
        Codebase codebase = Fixtures.scan("mybatis");

        assertThat(codebase.problems()).filteredOn(p -> p.severity() == Severity.WARNING)
                .extracting(p -> p.toCompilerStyle())
                .containsExactly(".: warning: no entry point found (no HTTP route, job or listener of a framework the"
                        + " analyzer reads): the split rests on structure alone (dependencies and tables), not on use"
                        + " cases; see the frameworks detected in the report's coverage",
                        "src/main/resources/blog/mapper/PostMapper.xml:27: warning: SQL of MyBatis statement"
                        + " purge not understood by the SQL parser, tables found by keyword scan");
    }

    @Test
    void maps_jpql_entity_names_named_queries_and_entity_manager_lookups_to_tables_with_plain_jpa_naming() {
        Codebase codebase = Fixtures.scan("jaxrs");

        assertThat(codebase.entities()).extracting(e -> e.table()).containsExactly("book", "book_cover", "book_shelf");
        assertThat(codebase.dependencies()).extracting(d -> d.from().simpleName() + " " + d.kind() + " " + d.to().simpleName())
                .contains("Book ASSOCIATION Shelf");
        assertThat(codebase.types()).filteredOn(t -> t.name().simpleName().equals("Shelf"))
                .allMatch(t -> t.is(dev.strangler.analyzer.core.Stereotype.ENTITY));
        assertThat(codebase.tableAccesses()).extracting(TableAccess::member, TableAccess::table, TableAccess::mode,
                        TableAccess::origin)
                .containsExactly(tuple("Book.byTitle", "book", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("Book.purge", "book", AccessMode.WRITE, DataAccessOrigin.JPQL),
                        tuple("all", "book", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("find", "book", AccessMode.READ, DataAccessOrigin.JPA_ENTITY),
                        tuple("remove", "book", AccessMode.WRITE, DataAccessOrigin.NATIVE_SQL));
    }

    @Test
    void reads_plain_jdbc_sql_built_from_locals_constants_and_values() {
        Codebase codebase = Fixtures.scan("servlet");

        assertThat(codebase.tableAccesses()).extracting(TableAccess::member, TableAccess::table, TableAccess::mode,
                        TableAccess::origin)
                .containsExactly(tuple("archive", "patient", AccessMode.READ, DataAccessOrigin.JDBC),
                        tuple("archive", "visit", AccessMode.READ, DataAccessOrigin.JDBC),
                        tuple("count", "patient", AccessMode.READ, DataAccessOrigin.JDBC),
                        tuple("count", "visit", AccessMode.READ, DataAccessOrigin.JDBC),
                        tuple("delete", "patient", AccessMode.WRITE, DataAccessOrigin.JDBC));
        // the archive table is named at run time: a note says so, and the rest of the statement is still parsed
        assertThat(codebase.problems()).extracting(p -> p.toCompilerStyle())
                .contains("src/main/java/clinic/db/PatientDao.java:28: note: SQL names a table computed at run time,"
                        + " which is left out: INSERT INTO ? SELECT p.* FROM patient p JOIN visit v ON v.patient_id = p.id")
                .noneMatch(p -> p.startsWith("src/main/java/clinic/db/PatientDao.java") && p.contains("warning"));
    }

    @Test
    void parses_sql_statements_to_tables_read_and_written() {
        SqlTables sql = new SqlTables();

        assertThat(sql.tables("INSERT INTO audit (id) SELECT id FROM orders o JOIN lines l ON l.order_id = o.id").tables())
                .isEqualTo(Map.of("audit", AccessMode.WRITE, "orders", AccessMode.READ, "lines", AccessMode.READ));
        assertThat(sql.tables("UPDATE sales.orders SET total = (SELECT sum(x) FROM lines) WHERE id = ?").tables())
                .isEqualTo(Map.of("sales.orders", AccessMode.WRITE, "lines", AccessMode.READ));
        assertThat(sql.tables("DELETE FROM cart WHERE id = :id").parsed()).isTrue();
        assertThat(sql.tables("SELEKT nonsense FROM widgets ;;; !!").tables()).isEqualTo(Map.of("widgets", AccessMode.READ));
        assertThat(sql.tables("SELEKT nonsense FROM widgets ;;; !!").parsed()).isFalse();
        assertThat(sql.tables("SELECT * FROM ? t JOIN orders o ON o.id = t.order_id WHERE o.id = ?"))
                .isEqualTo(new SqlTables.Result(Map.of("orders", AccessMode.READ), true, true));
        assertThat(sql.tables("UPDATE ? SET seen = 1 WHERE id IN (SELECT id FROM ${shard})"))
                .isEqualTo(new SqlTables.Result(Map.of(), true, true));
        assertThat(sql.tables("SELECT * FROM orders WHERE id = ?").runtimeTable()).isFalse();
        assertThat(sql.tables("SELECT t.id FROM %1$s t JOIN lines l ON l.id = t.id"))
                .isEqualTo(new SqlTables.Result(Map.of("lines", AccessMode.READ), true, true));
        assertThat(SqlTables.looksLikeSql("update.profile.on.first.login")).isFalse();
        assertThat(SqlTables.looksLikeSql("UPDATE PROFILES :: realm = {0}")).isFalse();
        assertThat(SqlTables.looksLikeSql("Update Profile")).isFalse();
        assertThat(SqlTables.looksLikeSql("update ? o set o.total = 0")).isTrue();
        assertThat(SqlTables.looksLikeSql("UPDATE orders SET total = 0")).isTrue();
        assertThat(SqlTables.looksLikeSql("select\n  id from orders")).isTrue();
    }
}
