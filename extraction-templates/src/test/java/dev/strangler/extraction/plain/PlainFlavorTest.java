package dev.strangler.extraction.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.ProjectFile;
import dev.strangler.extraction.core.Report;
import dev.strangler.extraction.project.ProjectWriter;
import dev.strangler.extraction.project.Skeleton;
import dev.strangler.extraction.render.MustacheRenderer;
import dev.strangler.extraction.report.ReportReader;
import dev.strangler.extraction.source.Extractor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain flavor on the sample monolith's real extraction plans, rendered with the bundled templates. */
class PlainFlavorTest {

    private static final Path MONOLITH = Path.of("..", "legacy-sample-monolith");
    private static Report report;

    @BeforeAll
    static void read_the_sample_report() {
        report = new ReportReader().read(Path.of("..", "reports", "legacy-sample-monolith"));
    }

    @Test
    void coupon_binds_its_route_to_the_moved_controller_and_wires_the_transactional_service() {
        List<ProjectFile> files = generate("coupon");

        assertThat(file(files, "Routes.java")).contains("Route.of(\"GET\", \"/api/coupons/{code}\","
                + " com.acmeshop.controller.CouponController.class, \"get\", new Class<?>[] {java.lang.String.class}, 200,")
                .contains("a -> beans.couponController.get(a.<java.lang.String>path(0, \"code\"))");
        assertThat(file(files, "Beans.java"))
                .contains("couponService = jpa.transactional(new com.acmeshop.service.CouponService(couponRepository));")
                .contains("com.acmeshop.model.Coupon.class")
                .contains("return List.of(globalExceptionHandler);");
        assertThat(files).extracting(ProjectFile::path).contains("pom.xml", "README.md",
                "src/test/java/com/acmeshop/lambda/coupon/FunctionHandlerTest.java");
    }

    @Test
    void cart_serves_the_repositories_that_stay_behind_from_the_shared_database_and_adapts_the_inventory() {
        List<ProjectFile> files = generate("cart");

        assertThat(file(files, "Beans.java"))
                .contains("customerRepository = jpa.repository(com.acmeshop.repository.CustomerRepository.class,"
                        + " com.acmeshop.model.Customer.class, java.lang.Long.class);")
                .contains("jpa.transactional(new com.acmeshop.lambda.cart.monolith.InventoryServiceMonolithAdapter("
                        + "monolithClient, stockItemRepository))")
                .contains("stockItemRepository = jpa.repository(com.acmeshop.repository.StockItemRepository.class,"
                        + " com.acmeshop.model.StockItem.class, java.lang.Long.class);")
                .contains("return List.of(notYetMovedAdvice, globalExceptionHandler);");
        assertThat(file(files, "Routes.java")).contains("a.<java.lang.Long>param(1, \"customerId\", false, null),"
                + " a.<com.acmeshop.dto.QuantityRequest>body(2, true, true), a.session())");
        assertThat(file(files, "README.md")).contains("served by Spring Data over the shared database");
    }

    @Test
    void every_route_of_every_sample_service_is_in_the_route_table_and_each_501_is_on_the_to_do_list() {
        for (String service : report.serviceNames()) {
            ExtractionPlan plan = new Extractor(report, MONOLITH).plan(service, null);
            PlainFlavor flavor = new PlainFlavor();
            String routes = file(new Skeleton(new MustacheRenderer(null)).files(plan, flavor), "Routes.java");

            for (dev.strangler.extraction.core.Route route : plan.routes()) {
                assertThat(routes).as(service).contains("// " + route.method() + " " + route.path() + "\n");
            }
            long unsupported = routes.lines().filter(l -> l.contains("Route.unsupported(")).count();
            assertThat(flavor.todo(plan).stream().filter(t -> t.contains("answers 501 in the plain function")))
                    .as(service).hasSize((int) unsupported);
        }
    }

    @Test
    void writes_the_sample_projects_for_a_look_and_a_manual_build() {
        for (String service : List.of("coupon", "cart")) {
            new ProjectWriter().write(Path.of("target", "plain-sample", service), generate(service), true);
        }

        assertThat(Path.of("target", "plain-sample", "cart", "pom.xml")).isRegularFile();
    }

    private static List<ProjectFile> generate(String service) {
        ExtractionPlan plan = new Extractor(report, MONOLITH).plan(service, null);
        return new Skeleton(new MustacheRenderer(null)).files(plan, new PlainFlavor());
    }

    private static String file(List<ProjectFile> files, String name) {
        return files.stream().filter(f -> f.path().equals(name) || f.path().endsWith("/" + name)).findFirst().orElseThrow().content();
    }
}
