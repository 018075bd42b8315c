package dev.strangler.extraction.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {
    private static final String REPORT = "../reports/legacy-sample-monolith";
    private static final String SOURCE = "../legacy-sample-monolith";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private int extract(String service, Path target, String... more) {
        List<String> args = new ArrayList<>(List.of("--report", REPORT, "--service", service, "--source", SOURCE,
                "--out", target.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void writes_the_coupon_project_and_prints_the_commands_that_move_its_routes(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("coupon");

        int exit = extract("coupon", target);

        assertThat(exit).as(err.toString()).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("./strangler routes set coupon-get --lambda coupon-fn --weight 0")
                .contains("To do: nothing.");
        assertThat(target.resolve("src/main/java/com/acmeshop/controller/CouponController.java")).exists();
        assertThat(target.resolve("kernel/src/main/java/com/acmeshop/util/MoneyUtils.java")).exists();
        assertThat(target.resolve("src/main/java/com/acmeshop/lambda/coupon/StreamLambdaHandler.java")).exists();
        assertThat(target.resolve("src/test/java/com/acmeshop/lambda/coupon/StreamLambdaHandlerTest.java")).exists();
        assertThat(Files.readString(target.resolve("pom.xml")))
                .contains("<artifactId>aws-serverless-java-container-springboot4</artifactId>", "<version>3.0.2</version>",
                        "<version>4.0.9</version>");
        assertThat(Files.readString(target.resolve("template.yaml")))
                .contains("Runtime: java21", "Architectures: [arm64]", "ApplyOn: PublishedVersions", "AutoPublishAlias: live",
                        "{{resolve:secretsmanager:${DbSecretArn}:SecretString:password}}", "- AWSLambdaBasicExecutionRole",
                        "Handler: com.acmeshop.lambda.coupon.StreamLambdaHandler::handleRequest");
        assertThat(Files.readString(target.resolve("src/main/resources/application.properties")))
                .contains("spring.datasource.url=${DB_URL}", "spring.flyway.enabled=false", "acmeshop.free-shipping-threshold=100.00")
                .doesNotContain("jdbc:h2:mem:acmeshop");
        assertThat(Files.readString(target.resolve("README.md"))).contains("./strangler lambda-local", "sam deploy");
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".tmp-"));
    }

    @Test
    void writes_one_gateway_route_per_method_in_the_route_file_format(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("cart");

        int exit = extract("cart", target);

        assertThat(exit).isEqualTo(Main.TODO);
        JsonNode routes = new YAMLMapper().readTree(target.resolve("routes-snippet.yml").toFile());
        assertThat(routes.path("version").asInt()).isEqualTo(1);
        assertThat(routes.path("routes")).extracting(r -> r.path("id").asString())
                .containsExactly("cart-delete", "cart-get", "cart-post", "cart-put");
        JsonNode delete = routes.path("routes").get(0);
        assertThat(delete.path("paths")).extracting(JsonNode::asString).containsExactly("/api/cart", "/api/cart/items/{productId}");
        assertThat(delete.path("target").path("lambda").asString()).isEqualTo("cart-fn");
        assertThat(delete.path("weight").asInt()).isZero();
        assertThat(out.toString()).contains("./strangler routes set cart-put --lambda cart-fn --weight 0")
                .contains("To do (").contains("InventoryService.available(Long) (owned by products) runs in the function")
                .contains("Adapter com.acmeshop.service.InventoryService (stays with products): 0 of 1 calls through a"
                        + " monolith route, 1 read in the function over the shared database (the monolith's code, which only"
                        + " reads).")
                .contains("Shared table stock_item: also used by products, written by products.")
                .contains("Adapter com.acmeshop.repository.CustomerRepository (stays with customers): served by Spring Data"
                        + " over the shared database.");
    }

    @Test
    void writes_adapters_that_compile_against_the_moved_code_and_read_what_only_reads(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("cart");

        extract("cart", target);

        assertThat(Files.readString(target.resolve("src/main/java/com/acmeshop/service/InventoryService.java")))
                .contains("public interface InventoryService {", "int available(Long productId);");
        assertThat(Files.readString(target.resolve(
                "src/main/java/com/acmeshop/lambda/cart/monolith/InventoryServiceMonolithAdapter.java")))
                .contains("implements InventoryService",
                        "    @org.springframework.transaction.annotation.Transactional(readOnly = true)\n"
                                + "    public int available(Long productId) {\n"
                                + "        StockItem stock = requireStock(productId);\n",
                        "    private StockItem requireStock(Long productId) {",
                        "MonolithClient monolith, com.acmeshop.repository.StockItemRepository stockItemRepository)")
                .doesNotContain("throw new NotYetMovedException");
        // served by Spring Data over the shared database: the interface is a Spring Data repository, no implementation
        assertThat(Files.readString(target.resolve("src/main/java/com/acmeshop/repository/CustomerRepository.java")))
                .contains("public interface CustomerRepository\n        extends org.springframework.data.repository"
                        + ".Repository<com.acmeshop.model.Customer, Long> {", "Optional<Customer> findById(Long id);");
        assertThat(target.resolve("src/main/java/com/acmeshop/lambda/cart/monolith/CustomerRepositoryMonolithAdapter.java"))
                .doesNotExist();
    }

    @Test
    void refuses_a_non_empty_output_folder_without_force_and_leaves_it_as_it_was(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        int exit = extract("coupon", target);

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--out " + target + " is not empty").contains("--force").contains("Nothing was written.");
        try (var files = Files.list(target)) {
            assertThat(files.toList()).containsExactly(target.resolve("keep.txt"));
        }
    }

    @Test
    void replaces_a_non_empty_output_folder_with_force(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(target.resolve("old.txt"), "old");

        int exit = extract("coupon", target, "--force");

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(target.resolve("old.txt")).doesNotExist();
        assertThat(target.resolve("pom.xml")).exists();
    }

    @Test
    void refuses_an_unknown_service_listing_the_known_ones_and_writes_nothing(@TempDir Path dir) {
        Path target = dir.resolve("out");

        int exit = extract("payments", target);

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--service payments is not a service of the report; known services: coupon, ");
        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refuses_a_report_of_another_schema_version_and_writes_nothing(@TempDir Path dir) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode report = (ObjectNode) mapper.readTree(Path.of(REPORT, "decomposition.json").toFile());
        report.put("schemaVersion", 7);
        Path file = dir.resolve("old-report.json");
        mapper.writeValue(file.toFile(), report);
        Path target = dir.resolve("out");

        int exit = run("--report", file.toString(), "--service", "coupon", "--source", SOURCE, "--out", target.toString());

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("schemaVersion 7").contains("understands schemaVersion 1 only");
        assertThat(target).doesNotExist();
    }

    @Test
    void refuses_a_source_folder_that_does_not_match_the_report(@TempDir Path dir) {
        Path target = dir.resolve("out");

        int exit = run("--report", REPORT, "--service", "coupon", "--source", "src", "--out", target.toString());

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("does not match the report: 9 of coupon's 9 classes have no source file there")
                .contains("com.acmeshop.controller.CouponController");
        assertThat(target).doesNotExist();
    }

    @Test
    void refuses_an_unknown_flavor(@TempDir Path dir) {
        int exit = extract("coupon", dir.resolve("out"), "--flavor", "quarkus");

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--flavor quarkus is not a flavor; known flavors: spring");
    }

    @Test
    void a_templates_folder_replaces_one_bundled_template_and_keeps_the_others(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates/shared"));
        Files.writeString(templates.resolve("README.md.mustache"), "# {{functionName}} by the platform team\n{{#routes}}{{routeId}} {{/routes}}\n");
        Path target = dir.resolve("out");

        int exit = extract("coupon", target, "--templates", dir.resolve("templates").toString());

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(Files.readString(target.resolve("README.md"))).isEqualTo("# coupon-fn by the platform team\ncoupon-get \n");
        assertThat(Files.readString(target.resolve("template.yaml"))).contains("Runtime: java21");
    }

    @Test
    void a_template_naming_an_unknown_value_fails_and_writes_nothing(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates/shared"));
        Files.writeString(templates.resolve("README.md.mustache"), "{{noSuchValue}}\n");
        Path target = dir.resolve("out");

        int exit = extract("coupon", target, "--templates", dir.resolve("templates").toString());

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("README.md.mustache").contains("noSuchValue");
        assertThat(target).doesNotExist();
    }

    @Test
    void a_missing_option_is_a_usage_error() {
        int exit = run("--service", "coupon");

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("Missing required options").contains("--help");
    }
}
