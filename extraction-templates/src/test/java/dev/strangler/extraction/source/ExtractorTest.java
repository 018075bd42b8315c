package dev.strangler.extraction.source;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.SharedRepository;
import dev.strangler.extraction.core.Report;
import dev.strangler.extraction.core.SourceFile;
import dev.strangler.extraction.report.ReportReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractorTest {
    static final Path MONOLITH = Path.of("..", "legacy-sample-monolith");
    static Report report;

    @BeforeAll
    static void read_the_sample_report() {
        report = new ReportReader().read(Path.of("..", "reports", "legacy-sample-monolith"));
    }

    @Test
    void moves_the_candidates_classes_with_comments_and_formatting_kept() throws Exception {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan("coupon", null);

        assertThat(plan.moved()).extracting(SourceFile::className).hasSize(9).contains("com.acmeshop.service.CouponService");
        SourceFile service = plan.moved().stream().filter(f -> f.simpleName().equals("CouponService")).findFirst().orElseThrow();
        assertThat(service.text()).isEqualTo(Files.readString(
                MONOLITH.resolve("src/main/java/com/acmeshop/service/CouponService.java")));
    }

    @Test
    void copies_the_kernel_classes_the_moved_code_reaches_and_the_error_answers() {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan("coupon", null);

        assertThat(plan.kernel()).extracting(SourceFile::className)
                .contains("com.acmeshop.exception.NotFoundException", "com.acmeshop.util.MoneyUtils",
                        "com.acmeshop.common.GlobalExceptionHandler")
                .doesNotContain("com.acmeshop.AcmeShopApplication", "com.acmeshop.util.CardUtils");
        assertThat(plan.borrowed()).extracting(SourceFile::className).contains("com.acmeshop.model.Address");
        assertThat(plan.build().springBootMajor()).isEqualTo(4);
        assertThat(plan.rootPackage()).isEqualTo("com.acmeshop");
        assertThat(plan.generatedPackage()).isEqualTo("com.acmeshop.lambda.coupon");
    }

    @Test
    void adapts_the_beans_and_repositories_that_stay_behind_and_lists_what_is_not_yet_moved() {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan("cart", "shop.cart.fn");

        assertThat(plan.adapters()).extracting(Adapter::className).contains(
                "com.acmeshop.repository.CustomerRepository", "com.acmeshop.repository.ProductRepository",
                "com.acmeshop.service.InventoryService");
        Adapter customers = plan.adapters().stream().filter(a -> a.simpleName().equals("CustomerRepository")).findFirst().orElseThrow();
        assertThat(customers.owner()).isEqualTo("customers");
        assertThat(customers.methods()).extracting(AdapterMethod::signature).contains("findById(Long)");
        assertThat(customers.methods().get(0).returnType()).isEqualTo("Optional<Customer>");
        assertThat(customers.imports()).contains("java.util.Optional", "com.acmeshop.model.Customer");
        assertThat(plan.todo()).anyMatch(t -> t.startsWith("InventoryService.available(Long) (owned by products) runs in the"
                + " function: no monolith route answers it, and it only reads (StockItemRepository.findByProductId)"));
        assertThat(plan.generatedPackage()).isEqualTo("shop.cart.fn");
    }

    @Test
    void serves_a_repository_of_a_copied_entity_over_the_shared_database_when_spring_data_derives_every_call() {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan("cart", null);

        Adapter customers = plan.adapters().stream().filter(a -> a.simpleName().equals("CustomerRepository")).findFirst().orElseThrow();
        Adapter inventory = plan.adapters().stream().filter(a -> a.simpleName().equals("InventoryService")).findFirst().orElseThrow();

        assertThat(customers.sharedRepository()).isEqualTo(new SharedRepository("com.acmeshop.model.Customer", "Long"));
        assertThat(customers.notYetMoved()).isEmpty();
        assertThat(inventory.isSharedData()).isFalse();
        assertThat(plan.monolithAdapters()).contains(inventory).doesNotContain(customers);
        assertThat(plan.todo()).noneMatch(t -> t.startsWith("CustomerRepository.findById"))
                .contains("CustomerRepository stays with customers but is served by Spring Data over the shared database:"
                        + " the function reads the tables of customers directly until that service moves");
    }

    @Test
    void reads_the_stock_that_stays_behind_in_the_function_with_the_monolith_code_and_lists_its_table() {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan("cart", null);

        Adapter inventory = plan.adapters().stream().filter(a -> a.simpleName().equals("InventoryService")).findFirst().orElseThrow();
        Adapter stock = plan.adapters().stream().filter(a -> a.simpleName().equals("StockItemRepository")).findFirst().orElseThrow();

        assertThat(inventory.notYetMoved()).isEmpty();
        assertThat(inventory.localReads()).extracting(AdapterMethod::signature).containsExactly("available(Long)");
        // the repository the copied code reads through, served over the shared database with the monolith's own query
        assertThat(stock.sharedRepository()).isEqualTo(new SharedRepository("com.acmeshop.model.StockItem", "Long"));
        assertThat(stock.methods()).singleElement().satisfies(m -> assertThat(m.annotations()).containsExactly(
                "@org.springframework.data.jpa.repository.Query(\"select s from StockItem s join fetch s.product where"
                        + " s.product.id = :productId\")"));
        assertThat(plan.borrowed()).extracting(SourceFile::className).contains("com.acmeshop.model.StockItem");
        assertThat(plan.sharedTables()).anySatisfy(t -> {
            assertThat(t.table()).isEqualTo("stock_item");
            assertThat(t.owned()).isFalse();
            assertThat(t.writes()).isZero();
            assertThat(t.reads()).isOne();
            assertThat(t.sharedWith()).containsExactly("products");
            assertThat(t.otherWriters()).containsExactly("products");
        });
        // the repositories served over the shared database read the owners' tables too: each listed, not owned
        assertThat(plan.tables()).filteredOn(t -> t.table().equals("customer") || t.table().equals("product"))
                .hasSize(2).allSatisfy(t -> {
                    assertThat(t.owned()).isFalse();
                    assertThat(t.writes()).isZero();
                    assertThat(t.reads()).isOne();
                    assertThat(t.otherWriters()).isNotEmpty();
                });
        assertThat(plan.todo()).contains("StockItemRepository stays with products but is served by Spring Data over the"
                + " shared database: the function reads the tables of products directly until that service moves");
    }

    @Test
    void lists_the_shared_tables_with_who_else_writes_them() {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan("reports", null);

        assertThat(plan.sharedTables()).anySatisfy(t -> {
            assertThat(t.table()).isEqualTo("customer_order");
            assertThat(t.otherWriters()).containsExactly("orders");
        });
    }

    @Test
    void refuses_an_unknown_service_listing_the_known_ones() {
        assertThatThrownBy(() -> new Extractor(report, MONOLITH).plan("coupons", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--service coupons is not a service of the report")
                .hasMessageContaining("coupon, shipments");
    }

    @Test
    void refuses_the_shared_kernel_as_a_service() {
        assertThatThrownBy(() -> new Extractor(report, MONOLITH).plan("shared-kernel", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("known services");
    }

    @Test
    void refuses_a_source_folder_that_does_not_match_the_report(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("src/main/java/com/acmeshop/controller");
        Files.createDirectories(other);
        Files.writeString(other.resolve("CouponController.java"), "package com.acmeshop.controller;\nclass CouponController {}\n");

        assertThatThrownBy(() -> new Extractor(report, dir).plan("coupon", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("does not match the report: 8 of coupon's 9 classes have no source file there")
                .satisfies(e -> assertThat(((BadInputException) e).details()).contains("com.acmeshop.service.CouponService"));
    }
}
