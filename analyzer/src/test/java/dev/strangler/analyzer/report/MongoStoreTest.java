package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.SourceScanner;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MongoStoreTest {
    @Test
    void marks_the_collections_of_mongodb_documents_and_calls_as_stored_in_mongodb() throws URISyntaxException {
        Path fixture = Path.of(MongoStoreTest.class.getResource("/fixtures/mongodb").toURI());
        Codebase codebase = new SourceScanner(new ScanOptions(List.of(), 2)).scan(fixture, ProgressListener.NONE);

        assertThat(JsonReportWriter.mongoCollections(codebase))
                .containsExactlyInAnyOrder("contacts", "order", "order_snapshots", "audit_log", "order_history");
    }

    @Test
    void leaves_relational_tables_unmarked() throws URISyntaxException {
        Path fixture = Path.of(MongoStoreTest.class.getResource("/fixtures/orm-xml").toURI());
        Codebase codebase = new SourceScanner(new ScanOptions(List.of(), 2)).scan(fixture, ProgressListener.NONE);

        assertThat(codebase.entities()).isNotEmpty();
        assertThat(JsonReportWriter.mongoCollections(codebase)).isEmpty();
    }
}
