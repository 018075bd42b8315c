package dev.strangler.extraction.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.LocalRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalReadReaderTest {
    private static final String INVENTORY = "com.acmeshop.service.InventoryService";
    private static LocalReadReader sample;

    @BeforeAll
    static void index_the_sample() {
        sample = new LocalReadReader(SourceTree.index(ExtractorTest.MONOLITH));
    }

    private static AdapterMethod method(String returnType, String name, String... parameterTypes) {
        List<AdapterMethod.Parameter> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < parameterTypes.length; i++) {
            parameters.add(new AdapterMethod.Parameter(parameterTypes[i], "p" + i));
        }
        return new AdapterMethod(returnType, name, parameters, null);
    }

    @Test
    void the_samples_stock_check_only_reads_so_its_code_runs_in_the_function() {
        LocalReadReader.Decision decision = sample.read(INVENTORY, method("int", "available", "Long"));

        assertThat(decision.refusals()).isEmpty();
        LocalRead read = decision.read();
        assertThat(read.code()).isEqualTo("    @Override\n"
                + "    @org.springframework.transaction.annotation.Transactional(readOnly = true)\n"
                + "    public int available(Long productId) {\n"
                + "        StockItem stock = requireStock(productId);\n"
                + "        return stock.getQuantityOnHand() - stock.getQuantityReserved();\n"
                + "    }");
        assertThat(read.helpers()).singleElement().asString().startsWith("    private StockItem requireStock(Long productId) {")
                .contains("new NotFoundException(\"no stock record for product \" + productId)");
        assertThat(read.repositories()).containsExactly(
                new AdapterMethod.Parameter("com.acmeshop.repository.StockItemRepository", "stockItemRepository"));
        assertThat(read.reads()).containsExactly("StockItemRepository.findByProductId");
        assertThat(read.tables()).containsExactly("stock_item");
        assertThat(read.imports()).contains("com.acmeshop.model.StockItem", "com.acmeshop.exception.NotFoundException")
                .doesNotContain("com.acmeshop.util.DtoMapper");
        assertThat(decision.types()).contains("com.acmeshop.model.StockItem", "com.acmeshop.exception.NotFoundException");
        assertThat(decision.repositories()).containsOnlyKeys("com.acmeshop.repository.StockItemRepository");
    }

    @Test
    void the_samples_stock_reservation_writes_so_it_stays_not_yet_moved() {
        LocalReadReader.Decision decision = sample.read(INVENTORY,
                method("StockReservation", "reserve", "CustomerOrder", "Product", "int"));

        assertThat(decision.read()).isNull();
        assertThat(decision.refusals()).contains(
                "it runs in a read-write transaction (@Transactional without readOnly = true)",
                "it writes through StockReservationRepository.save")
                .anyMatch(r -> r.startsWith("it writes: stock.setQuantityReserved("));
    }

    @Test
    void a_call_reading_cannot_prove_read_only_keeps_the_method_not_yet_moved() {
        // getStock only reads, but through the kernel's DtoMapper, whose effect this reading does not follow
        LocalReadReader.Decision decision = sample.read(INVENTORY, method("StockLevelDto", "getStock", "Long"));

        assertThat(decision.read()).isNull();
        assertThat(decision.refusals()).containsExactly("it calls DtoMapper.toDto, which reading cannot prove read-only");
    }

    @Test
    void another_bean_a_bean_field_or_a_field_write_keeps_the_method_not_yet_moved(@TempDir Path dir) throws Exception {
        Path pkg = dir.resolve("src/main/java/shop");
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("Item.java"), "package shop;\npublic class Item { Long id; public Long getId() { return id; } }\n");
        Files.writeString(pkg.resolve("ItemRepository.java"), """
                package shop;
                import org.springframework.data.jpa.repository.JpaRepository;
                public interface ItemRepository extends JpaRepository<Item, Long> {
                }
                """);
        Files.writeString(pkg.resolve("Audit.java"), "package shop;\n@org.springframework.stereotype.Service\npublic class Audit { public void log(Long id) { } }\n");
        Files.writeString(pkg.resolve("ItemService.java"), """
                package shop;
                import org.springframework.stereotype.Service;
                @Service
                public class ItemService {
                    private static final long LIMIT = 10;
                    private final ItemRepository items;
                    private final Audit audit;
                    private int lookups;
                    public ItemService(ItemRepository items, Audit audit) { this.items = items; this.audit = audit; }
                    public boolean known(Long id) { return id < LIMIT && items.existsById(id); }
                    public boolean audited(Long id) { audit.log(id); return items.existsById(id); }
                    public boolean counted(Long id) { lookups++; return items.existsById(id); }
                }
                """);
        LocalReadReader reader = new LocalReadReader(SourceTree.index(dir));

        LocalReadReader.Decision known = reader.read("shop.ItemService", method("boolean", "known", "Long"));
        assertThat(known.refusals()).isEmpty();
        assertThat(known.read().helpers()).containsExactly("    private static final long LIMIT = 10;");
        assertThat(known.read().tables()).containsExactly("item");
        assertThat(reader.read("shop.ItemService", method("boolean", "audited", "Long")).refusals())
                .containsExactly("it calls Audit.log on another bean, which reading cannot prove read-only");
        assertThat(reader.read("shop.ItemService", method("boolean", "counted", "Long")).refusals())
                .contains("it writes: lookups++");
    }
}
