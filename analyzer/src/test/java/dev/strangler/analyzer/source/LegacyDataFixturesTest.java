package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.TableAccess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The data frameworks of older monoliths: iBatis 2, named SQL files, orm.xml, MongoDB, Spring JDBC objects. */
class LegacyDataFixturesTest {
    @Test
    void attributes_ibatis_statements_to_the_java_method_naming_their_id() {
        Codebase codebase = Fixtures.scan("ibatis");

        assertThat(codebase.tableAccesses())
                .extracting(a -> a.accessor().simpleName(), TableAccess::member, TableAccess::table, TableAccess::mode,
                        a -> a.location().toString())
                .containsExactly(
                        tuple("BookDaoiBatis", "find", "author", AccessMode.READ, "src/main/resources/sqlmaps/BookSQL.xml:13"),
                        tuple("BookDaoiBatis", "find", "book", AccessMode.READ, "src/main/resources/sqlmaps/BookSQL.xml:13"),
                        tuple("BookDaoiBatis", "get", "book", AccessMode.READ, "src/main/resources/sqlmaps/BookSQL.xml:9"),
                        tuple("BookDaoiBatis", "save", "book", AccessMode.WRITE, "src/main/resources/sqlmaps/BookSQL.xml:21"),
                        tuple("BookDaoiBatis", "save", "book", AccessMode.WRITE, "src/main/resources/sqlmaps/BookSQL.xml:26"),
                        tuple("LoanDao", "loansOf", "loan", AccessMode.READ, "src/main/resources/sqlmaps/LoanSQL.xml:3"));
        assertThat(codebase.tableAccesses()).allMatch(a -> a.origin() == DataAccessOrigin.IBATIS);
    }

    @Test
    void says_which_ibatis_maps_are_missing_and_which_statements_no_code_names() {
        Codebase codebase = Fixtures.scan("ibatis");

        assertThat(codebase.problems()).extracting(Problem::toCompilerStyle).contains(
                "src/main/resources/sql-map-config.xml: warning: iBatis SQL map sqlmaps/MissingSQL.xml listed here is"
                        + " not in the scanned tree, so its statements' tables are missing; put the file under the"
                        + " analysed folder",
                ".: note: 4 of 9 iBatis statements are named by no Java call the analyzer can read (names built at run"
                        + " time?), so their tables count for no class: BookSQL.archiveBooks, BookSQL.deleteBook,"
                        + " LoanSQL.closeLoans, LoanSQL.deleteLoan");
        // the dynamic WHERE with its prepends, the include and the #param# syntax parse as SQL
        assertThat(codebase.problems()).noneMatch(p -> p.message().contains("not understood"));
    }

    @Test
    void reads_named_sql_files_with_continued_lines_and_per_database_overrides() {
        Codebase codebase = Fixtures.scan("named-sql");

        assertThat(codebase.tableAccesses())
                .extracting(TableAccess::member, TableAccess::table, TableAccess::mode, a -> a.location().toString())
                .containsExactly(
                        tuple("addNew", "forum_topics", AccessMode.WRITE, "WEB-INF/config/database/generic/generic_queries.sql:8"),
                        tuple("delete", "forum_topics", AccessMode.WRITE, "WEB-INF/config/database/generic/generic_queries.sql:7"),
                        tuple("selectById", "forum_topics", AccessMode.READ, "WEB-INF/config/database/generic/generic_queries.sql:4"),
                        tuple("selectById", "forum_users", AccessMode.READ, "WEB-INF/config/database/generic/generic_queries.sql:4"));
        assertThat(codebase.tableAccesses()).allMatch(a -> a.origin() == DataAccessOrigin.NAMED_SQL);
        assertThat(codebase.problems()).extracting(Problem::toCompilerStyle).contains(".: note: 3 of 6 named SQL"
                + " statements are named by no Java call the analyzer can read (names built at run time?), so their"
                + " tables count for no class: PostModel.prune, PostModel.selectLatest, TopicModel.lastGeneratedTopicId");
    }

    @Test
    void maps_orm_xml_entities_and_runs_named_queries_for_the_method_creating_them() {
        Codebase codebase = Fixtures.scan("orm-xml");

        assertThat(codebase.entities()).extracting(e -> e.entity().simpleName(), e -> e.table()).containsExactly(
                tuple("Cargo", "cargo_annotated"), tuple("Delivery", "cargo_annotated"), tuple("Location", "location"),
                tuple("Voyage", "shipping.voyages"));
        assertThat(codebase.tableAccesses()).filteredOn(a -> a.accessor().simpleName().equals("JpaCargoRepository"))
                .extracting(TableAccess::member, TableAccess::table, TableAccess::mode, TableAccess::origin)
                .containsExactly(tuple("find", "cargo_annotated", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("locations", "location", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("purge", "cargo_archive", AccessMode.WRITE, DataAccessOrigin.NATIVE_SQL),
                        tuple("voyages", "shipping.voyages", AccessMode.READ, DataAccessOrigin.JPQL));
    }

    @Test
    void maps_hibernate_mapping_files_with_subclass_and_collection_tables_and_named_queries() {
        Codebase codebase = Fixtures.scan("hibernate-hbm");

        assertThat(codebase.entities()).extracting(e -> e.entity().simpleName(), e -> e.table()).containsExactly(
                tuple("Coach", "club_coach"), tuple("Member", "club_member"), tuple("Member", "member_badge"));
        assertThat(codebase.tableAccesses())
                .extracting(TableAccess::member, TableAccess::table, TableAccess::mode, TableAccess::origin)
                .containsExactly(tuple("byName", "club_member", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("coaches", "club_coach", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("purge", "club_member", AccessMode.WRITE, DataAccessOrigin.NATIVE_SQL));
        assertThat(codebase.problems()).noneMatch(p -> p.message().contains("is used ("));
    }

    @Test
    void counts_mongodb_collections_as_tables_from_documents_repositories_templates_and_the_driver() {
        Codebase codebase = Fixtures.scan("mongodb");

        assertThat(codebase.entities()).extracting(e -> e.entity().simpleName(), e -> e.table())
                .containsExactly(tuple("Person", "contacts"), tuple("Relative", "contacts"), tuple("Order", "order"));
        assertThat(codebase.tableAccesses()).filteredOn(a -> a.origin() == DataAccessOrigin.MONGODB)
                .extracting(a -> a.accessor().simpleName(), TableAccess::member, TableAccess::table, TableAccess::mode)
                .containsExactly(tuple("PersonRepository", "byName", "contacts", AccessMode.READ),
                        tuple("PersonRepository", "purgeByName", "contacts", AccessMode.WRITE),
                        tuple("OrderRepository", "snapshot", "order", AccessMode.READ),
                        tuple("OrderRepository", "snapshot", "order_snapshots", AccessMode.WRITE),
                        tuple("OrderRepository", "totalPerCustomer", "order", AccessMode.READ),
                        tuple("OrderService", "close", "audit_log", AccessMode.WRITE),
                        tuple("OrderService", "close", "order", AccessMode.WRITE),
                        tuple("OrderService", "history", "audit_log", AccessMode.READ),
                        tuple("OrderService", "history", "order_history", AccessMode.WRITE),
                        tuple("OrderService", "invoices", "contacts", AccessMode.READ),
                        tuple("OrderService", "invoices", "order", AccessMode.READ),
                        tuple("OrderService", "open", "order", AccessMode.READ));
        // a JSON query is not JPQL: nothing is parsed as SQL, and nothing is left unread
        // the fixture has no entry point, which is warned about on its own (coverage); no data problem is left
        assertThat(codebase.problems()).filteredOn(p -> p.severity() != Severity.NOTE)
                .extracting(Problem::message).allMatch(message -> message.startsWith("no entry point found"));
    }

    @Test
    void reads_spring_jdbc_operation_objects_sql_for_the_whole_object() {
        Codebase codebase = Fixtures.scan("spring-jdbc");

        assertThat(codebase.tableAccesses())
                .extracting(a -> a.accessor().value(), TableAccess::member, TableAccess::table, TableAccess::mode)
                .containsExactly(tuple("acl.dao.AclEntryQuery", "", "acl_entry", AccessMode.READ),
                        tuple("acl.dao.AclEntryQuery", "", "acl_sid", AccessMode.READ),
                        tuple("acl.dao.ContactDaoSpring", "count", "contacts", AccessMode.READ),
                        tuple("acl.dao.ContactDaoSpring.ContactDelete", "", "contacts", AccessMode.WRITE),
                        tuple("acl.dao.ContactDaoSpring.ContactsAllQuery", "", "contacts", AccessMode.READ));
    }

    @Test
    void warns_when_a_data_framework_is_used_but_none_of_its_tables_is_found(@org.junit.jupiter.api.io.TempDir Path root)
            throws IOException {
        Path source = Files.createDirectories(root.resolve("src/main/java/shop"));
        Files.writeString(source.resolve("Carts.java"), """
                package shop;

                import org.springframework.data.mongodb.core.MongoTemplate;

                public class Carts {
                    private MongoTemplate template;

                    public Object all(String name) {
                        return template.findAll(Object.class, name);
                    }
                }
                """);
        Files.writeString(root.resolve("pom.xml"), """
                <project><dependencies><dependency><groupId>org.apache.ibatis</groupId>
                <artifactId>ibatis-sqlmap</artifactId></dependency></dependencies></project>
                """);

        Codebase codebase = Fixtures.scan(root);

        assertThat(codebase.problems()).filteredOn(p -> p.severity() == Severity.WARNING)
                .filteredOn(p -> !p.message().startsWith("no entry point found"))
                .extracting(Problem::toCompilerStyle).containsExactly(
                        "pom.xml: warning: iBatis 2 is used (depends on ibatis-sqlmap) but no table was found through"
                                + " it, so what it stores is missing from the report: statements are matched to Java"
                                + " calls by id; put the SQL map files under the analysed folder and check that ids are"
                                + " literals or constants",
                        "src/main/java/shop/Carts.java: warning: MongoDB is used (imports"
                                + " org.springframework.data.mongodb) but no table was found through it, so what it"
                                + " stores is missing from the report: collections come from @Document classes, their"
                                + " repositories and MongoTemplate or driver calls naming a document class or a collection");
    }

    @Test
    void only_notes_a_jdbc_import_without_sql_when_tables_were_found_otherwise(@org.junit.jupiter.api.io.TempDir Path root)
            throws IOException {
        Path source = Files.createDirectories(root.resolve("src/main/java/shop"));
        Files.writeString(source.resolve("Order.java"), """
                package shop;

                import javax.persistence.Entity;

                @Entity
                public class Order {
                }
                """);
        Files.writeString(source.resolve("TracingConnection.java"), """
                package shop;

                import java.sql.Connection;

                public abstract class TracingConnection implements Connection {
                }
                """);

        Codebase codebase = Fixtures.scan(root);

        assertThat(codebase.problems()).filteredOn(p -> p.message().contains("is used ("))
                .extracting(Problem::toCompilerStyle).containsExactly("src/main/java/shop/TracingConnection.java: note:"
                        + " JDBC is used (imports java.sql.Connection) but no table was found through it, so what it"
                        + " stores is missing from the report: SQL is read from string arguments of calls and from"
                        + " named SQL files; SQL built at run time or kept outside the tree is not seen");
    }
}
