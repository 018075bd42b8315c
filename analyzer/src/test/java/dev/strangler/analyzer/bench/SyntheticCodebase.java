package dev.strangler.analyzer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic Spring/JPA/JDBC codebase of a chosen size for the scanning benchmark: a Maven multi-module
 * tree with one module per business area, each with entities, Spring Data repositories with JPQL and native SQL,
 * services that call their own and other areas' services, controllers, DTO records, a JDBC DAO and a helper.
 * The same arguments always give the same tree. Arguments: output folder, target lines of code (default 320000),
 * seed (default 42).
 */
public final class SyntheticCodebase {
    private static final String[] NOUNS = {"order", "invoice", "product", "customer", "shipment", "stock", "price",
            "payment", "review", "loyalty", "refund", "supplier", "warehouse", "notice", "report", "account", "promo",
            "tax", "fraud", "search", "cart", "coupon", "ticket", "booking", "contract", "asset", "device", "policy",
            "claim", "lead"};
    private static final int ENTITIES_PER_AREA = 6;

    private final Path root;
    private final Random random;
    private long lines;

    private SyntheticCodebase(Path root, long seed) {
        this.root = root;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        long target = args.length > 1 ? Long.parseLong(args[1]) : 320_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long written = new SyntheticCodebase(root, seed).write(target);
        System.out.printf(Locale.ROOT, "wrote %d lines of Java under %s%n", written, root);
    }

    private long write(long target) throws IOException {
        List<String> areas = new ArrayList<>();
        StringBuilder modules = new StringBuilder();
        for (int i = 0; lines < target; i++) {
            String area = NOUNS[i % NOUNS.length] + (i / NOUNS.length == 0 ? "" : String.valueOf(i / NOUNS.length));
            areas.add(area);
            modules.append("    <module>").append(area).append("</module>\n");
            writeArea(area, areas);
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve("pom.xml"), "<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>com.acme</groupId>\n  <artifactId>synthetic</artifactId>\n  <version>1</version>\n"
                + "  <packaging>pom</packaging>\n  <modules>\n" + modules + "  </modules>\n</project>\n");
        return lines;
    }

    private void writeArea(String area, List<String> known) throws IOException {
        Path module = root.resolve(area);
        Files.createDirectories(module);
        Files.writeString(module.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme"
                + "</groupId><artifactId>" + area + "</artifactId><version>1</version></project>\n");
        String base = "com.acme." + area;
        Path java = module.resolve("src/main/java/com/acme/" + area);
        for (int e = 0; e < ENTITIES_PER_AREA; e++) {
            String entity = capital(area) + capital(NOUNS[(e * 7 + area.length()) % NOUNS.length]) + e;
            String other = known.get(random.nextInt(known.size()));
            int otherIndex = random.nextInt(ENTITIES_PER_AREA);
            String otherEntity = capital(other) + capital(NOUNS[(otherIndex * 7 + other.length()) % NOUNS.length])
                    + otherIndex;
            boolean otherExists = !other.equals(area) && known.indexOf(other) < known.size() - 1;
            write(java.resolve("domain/" + entity + ".java"), entity(base, entity));
            write(java.resolve("repository/" + entity + "Repository.java"), repository(base, entity));
            write(java.resolve("dto/" + entity + "View.java"), view(base, entity));
            write(java.resolve("service/" + entity + "Service.java"), service(base, area, entity, e,
                    otherExists ? "com.acme." + other : null, otherEntity));
            write(java.resolve("web/" + entity + "Controller.java"), controller(base, area, entity));
        }
        write(java.resolve("jdbc/" + capital(area) + "Dao.java"), dao(base, area));
        write(java.resolve("util/" + capital(area) + "Texts.java"), helper(base, area));
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        lines += text.lines().filter(line -> !line.isBlank()).count();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String entity(String base, String entity) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        String[][] columns = {{"String", "name"}, {"String", "code"}, {"long", "amount"}, {"int", "quantity"},
                {"String", "status"}, {"java.time.Instant", "createdAt"}, {"java.time.Instant", "updatedAt"},
                {"String", "note"}};
        for (String[] column : columns) {
            fields.append("    @Column(name = \"").append(column[1].toLowerCase(Locale.ROOT)).append("\")\n")
                    .append("    private ").append(column[0]).append(' ').append(column[1]).append(";\n");
            String property = capital(column[1]);
            accessors.append("    public ").append(column[0]).append(" get").append(property).append("() {\n")
                    .append("        return ").append(column[1]).append(";\n    }\n\n")
                    .append("    public void set").append(property).append('(').append(column[0]).append(' ')
                    .append(column[1]).append(") {\n        this.").append(column[1]).append(" = ").append(column[1])
                    .append(";\n    }\n\n");
        }
        return """
                package %1$s.domain;

                import jakarta.persistence.Column;
                import jakarta.persistence.Entity;
                import jakarta.persistence.GeneratedValue;
                import jakarta.persistence.Id;
                import jakarta.persistence.Table;

                /** A %2$s as the legacy schema stores it. */
                @Entity
                @Table(name = "%3$s")
                public class %2$s {
                    @Id
                    @GeneratedValue
                    private Long id;
                %4$s
                    public Long getId() {
                        return id;
                    }

                %5$s    public boolean isOpen() {
                        return status == null || !status.equals("CLOSED");
                    }
                }
                """.formatted(base, entity, table(entity), fields, accessors);
    }

    private static String table(String entity) {
        return entity.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String repository(String base, String entity) {
        return """
                package %1$s.repository;

                import java.util.List;
                import java.util.Optional;

                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Modifying;
                import org.springframework.data.jpa.repository.Query;
                import %1$s.domain.%2$s;

                public interface %2$sRepository extends JpaRepository<%2$s, Long> {
                    List<%2$s> findByStatus(String status);

                    Optional<%2$s> findByCode(String code);

                    @Query("select e from %2$s e where e.amount > :amount order by e.createdAt desc")
                    List<%2$s> expensive(long amount);

                    @Query(value = "SELECT * FROM %3$s WHERE status = 'OPEN' AND quantity > 0", nativeQuery = true)
                    List<%2$s> openWithStock();

                    @Modifying
                    @Query(value = "UPDATE %3$s SET status = 'CLOSED' WHERE updated_at < now() - interval '1' day", nativeQuery = true)
                    int closeStale();

                    long countByStatus(String status);
                }
                """.formatted(base, entity, table(entity));
    }

    private static String view(String base, String entity) {
        return """
                package %1$s.dto;

                import %1$s.domain.%2$s;

                public record %2$sView(Long id, String name, String code, long amount, String status) {
                    public static %2$sView of(%2$s entity) {
                        return new %2$sView(entity.getId(), entity.getName(), entity.getCode(), entity.getAmount(),
                                entity.getStatus());
                    }
                }
                """.formatted(base, entity);
    }

    private String service(String base, String area, String entity, int index, String otherBase, String otherEntity) {
        String sibling = index > 0 ? capital(area) + capital(NOUNS[((index - 1) * 7 + area.length()) % NOUNS.length])
                + (index - 1) : null;
        StringBuilder imports = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        StringBuilder parameters = new StringBuilder();
        StringBuilder assignments = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        if (sibling != null) {
            fields.append("    private final ").append(sibling).append("Service siblings;\n");
            parameters.append(", ").append(sibling).append("Service siblings");
            assignments.append("        this.siblings = siblings;\n");
            calls.append("        siblings.touch(id);\n");
        }
        if (otherBase != null) {
            imports.append("import ").append(otherBase).append(".service.").append(otherEntity).append("Service;\n");
            fields.append("    private final ").append(otherEntity).append("Service partners;\n");
            parameters.append(", ").append(otherEntity).append("Service partners");
            assignments.append("        this.partners = partners;\n");
            calls.append("        partners.find(id).ifPresent(view -> log(view.name()));\n");
        }
        StringBuilder extra = new StringBuilder();
        int methods = 4 + random.nextInt(4);
        for (int m = 0; m < methods; m++) {
            extra.append("""
                        public long total%1$d(String status) {
                            long sum = 0;
                            for (%2$s row : repository.findByStatus(status)) {
                                if (row.isOpen() && row.getQuantity() > %1$d) {
                                    sum += row.getAmount() * row.getQuantity();
                                } else {
                                    sum -= %3$sTexts.round(row.getAmount());
                                }
                            }
                            return sum;
                        }

                    """.formatted(m, entity, capital(area)));
        }
        return """
                package %1$s.service;

                import java.time.Instant;
                import java.util.List;
                import java.util.Optional;
                import java.util.stream.Collectors;

                import org.springframework.stereotype.Service;
                import org.springframework.transaction.annotation.Transactional;
                import %1$s.domain.%2$s;
                import %1$s.dto.%2$sView;
                import %1$s.jdbc.%3$sDao;
                import %1$s.repository.%2$sRepository;
                import %1$s.util.%3$sTexts;
                %4$s
                @Service
                public class %2$sService {
                    private final %2$sRepository repository;
                    private final %3$sDao dao;
                %5$s
                    public %2$sService(%2$sRepository repository, %3$sDao dao%6$s) {
                        this.repository = repository;
                        this.dao = dao;
                %7$s    }

                    public Optional<%2$sView> find(long id) {
                        return repository.findById(id).map(%2$sView::of);
                    }

                    public List<%2$sView> list(String status) {
                        return repository.findByStatus(status).stream()
                                .filter(%2$s::isOpen)
                                .map(%2$sView::of)
                                .collect(Collectors.toList());
                    }

                    @Transactional
                    public %2$sView create(String name, long amount) {
                        %2$s entity = new %2$s();
                        entity.setName(%3$sTexts.clean(name));
                        entity.setCode(%3$sTexts.code(name, amount));
                        entity.setAmount(amount);
                        entity.setStatus("OPEN");
                        entity.setCreatedAt(Instant.now());
                        %2$s saved = repository.save(entity);
                        dao.audit(saved.getId(), "create");
                        return %2$sView.of(saved);
                    }

                    @Transactional
                    public void touch(long id) {
                        repository.findById(id).ifPresent(entity -> {
                            entity.setUpdatedAt(Instant.now());
                            repository.save(entity);
                        });
                    }

                    @Transactional
                    public void close(long id) {
                %8$s        %2$s entity = repository.findById(id).orElseThrow();
                        entity.setStatus("CLOSED");
                        dao.audit(id, "close");
                    }

                %9$s    private void log(String text) {
                        dao.audit(0L, %3$sTexts.clean(text));
                    }
                }
                """.formatted(base, entity, capital(area), imports, fields, parameters, assignments, calls, extra);
    }

    private static String controller(String base, String area, String entity) {
        return """
                package %1$s.web;

                import java.util.List;

                import org.springframework.http.ResponseEntity;
                import org.springframework.web.bind.annotation.DeleteMapping;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.PathVariable;
                import org.springframework.web.bind.annotation.PostMapping;
                import org.springframework.web.bind.annotation.PutMapping;
                import org.springframework.web.bind.annotation.RequestMapping;
                import org.springframework.web.bind.annotation.RequestParam;
                import org.springframework.web.bind.annotation.RestController;
                import %1$s.dto.%2$sView;
                import %1$s.service.%2$sService;

                @RestController
                @RequestMapping("/api/%3$s/%4$s")
                public class %2$sController {
                    private final %2$sService service;

                    public %2$sController(%2$sService service) {
                        this.service = service;
                    }

                    @GetMapping("/{id}")
                    public ResponseEntity<%2$sView> get(@PathVariable long id) {
                        return service.find(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
                    }

                    @GetMapping
                    public List<%2$sView> list(@RequestParam(defaultValue = "OPEN") String status) {
                        return service.list(status);
                    }

                    @PostMapping
                    public %2$sView create(@RequestParam String name, @RequestParam long amount) {
                        return service.create(name, amount);
                    }

                    @PutMapping("/{id}/touch")
                    public void touch(@PathVariable long id) {
                        service.touch(id);
                    }

                    @DeleteMapping("/{id}")
                    public void close(@PathVariable long id) {
                        service.close(id);
                    }
                }
                """.formatted(base, entity, area, entity.toLowerCase(Locale.ROOT));
    }

    private static String dao(String base, String area) {
        return """
                package %1$s.jdbc;

                import java.util.List;
                import java.util.Map;

                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.stereotype.Repository;

                @Repository
                public class %2$sDao {
                    private static final String AUDIT = "INSERT INTO %3$s_audit (entity_id, action, at) VALUES (?, ?, now())";
                    private static final String HISTORY = "SELECT a.entity_id, a.action FROM %3$s_audit a "
                            + "JOIN %3$s_archive r ON r.entity_id = a.entity_id WHERE a.entity_id = ?";

                    private final JdbcTemplate jdbc;

                    public %2$sDao(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    public void audit(long id, String action) {
                        jdbc.update(AUDIT, id, action);
                    }

                    public List<Map<String, Object>> history(long id) {
                        return jdbc.queryForList(HISTORY, id);
                    }

                    public int purge(int days) {
                        String sql = "DELETE FROM %3$s_audit WHERE at < now() - interval '" + days + "' day";
                        return jdbc.update(sql);
                    }
                }
                """.formatted(base, capital(area), area);
    }

    private static String helper(String base, String area) {
        return """
                package %1$s.util;

                import java.util.Locale;

                public final class %2$sTexts {
                    private %2$sTexts() {
                    }

                    public static String clean(String text) {
                        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
                    }

                    public static String code(String name, long amount) {
                        return clean(name).replace(' ', '-') + "-" + Long.toHexString(amount);
                    }

                    public static long round(long amount) {
                        return Math.round(amount / 100.0) * 100;
                    }
                }
                """.formatted(base, capital(area));
    }
}
