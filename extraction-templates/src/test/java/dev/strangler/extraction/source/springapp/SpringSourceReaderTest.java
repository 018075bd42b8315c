package dev.strangler.extraction.source.springapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringSourceReaderTest {

    private static final SourceFile CONTROLLER = new SourceFile("shop.web.ItemController", """
            package shop.web;

            import jakarta.servlet.http.HttpSession;
            import jakarta.validation.Valid;
            import java.security.Principal;
            import org.springframework.http.HttpStatus;
            import org.springframework.web.bind.annotation.*;
            import shop.app.ItemService;

            @RestController
            @RequestMapping("/api/items")
            public class ItemController {
                private final ItemService items;

                public ItemController(ItemService items) {
                    this.items = items;
                }

                @GetMapping("/{id}")
                public Object get(@PathVariable("id") Long itemId, @RequestParam(defaultValue = "en") String lang) {
                    return items.find(itemId);
                }

                @PostMapping
                @ResponseStatus(HttpStatus.CREATED)
                public Object add(@Valid @RequestBody ItemRequest request, HttpSession session, int page) {
                    return null;
                }

                @DeleteMapping("/{id}")
                public void remove(@PathVariable long id, Principal who) {
                }

                private void helper() {
                }
            }
            """);
    private static final SourceFile SERVICE = new SourceFile("shop.app.ItemService", """
            package shop.app;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ItemService {
                private final ItemRepository repository;

                ItemService(ItemRepository repository) {
                    this.repository = repository;
                }

                @Transactional(readOnly = true)
                public Object find(Long id) {
                    return repository.findById(id);
                }
            }
            """);
    private static final SourceFile REPOSITORY = new SourceFile("shop.app.ItemRepository", """
            package shop.app;

            public interface ItemRepository extends org.springframework.data.jpa.repository.JpaRepository<Item, Long> {
            }
            """);
    private static final SourceFile ENTITY = new SourceFile("shop.app.Item", """
            package shop.app;

            import jakarta.persistence.*;

            @Entity
            public class Item {
                @Id Long id;
            }
            """);

    private final SpringApplication application = new SpringSourceReader().read(
            List.of(CONTROLLER, SERVICE, REPOSITORY, ENTITY));

    @Test
    void reads_path_variables_query_parameters_and_their_defaults() {
        HandlerMethod get = application.handler("shop.web.ItemController#get", "GET").orElseThrow();

        assertThat(get.httpMethods()).containsExactly("GET");
        assertThat(get.arguments()).containsExactly(
                new Argument(Argument.Kind.PATH, "id", "java.lang.Long", true, null, false, null),
                new Argument(Argument.Kind.PARAM, "lang", "java.lang.String", false, "en", false, null));
        assertThat(get.status()).isEqualTo(200);
    }

    @Test
    void reads_a_validated_body_the_session_an_unannotated_simple_parameter_and_the_declared_status() {
        HandlerMethod add = application.handler("shop.web.ItemController#add", "POST").orElseThrow();

        assertThat(add.arguments()).extracting(Argument::kind)
                .containsExactly(Argument.Kind.BODY, Argument.Kind.SESSION, Argument.Kind.PARAM);
        assertThat(add.arguments().get(0).valid()).isTrue();
        assertThat(add.arguments().get(0).type()).isEqualTo("shop.web.ItemRequest");
        assertThat(add.arguments().get(2)).isEqualTo(new Argument(Argument.Kind.PARAM, "page", "int", false, null,
                false, null));
        assertThat(add.status()).isEqualTo(201);
    }

    @Test
    void says_why_an_argument_cannot_be_bound() {
        HandlerMethod remove = application.handler("shop.web.ItemController#remove", "DELETE").orElseThrow();

        assertThat(remove.returnsVoid()).isTrue();
        assertThat(remove.unsupported()).singleElement().asString()
                .contains("parameter 'who' (java.security.Principal)");
    }

    @Test
    void reads_beans_with_their_constructor_injection_repositories_and_entities() {
        assertThat(application.components()).extracting(Component::className, Component::kind, Component::transactional)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shop.web.ItemController", Component.Kind.CONTROLLER, false),
                        org.assertj.core.groups.Tuple.tuple("shop.app.ItemService", Component.Kind.COMPONENT, true),
                        org.assertj.core.groups.Tuple.tuple("shop.app.ItemRepository", Component.Kind.REPOSITORY, false));
        assertThat(application.components().get(1).constructor())
                .containsExactly(new Injection("repository", "shop.app.ItemRepository", "shop.app.ItemRepository", null));
        assertThat(application.entities()).containsExactly("shop.app.Item");
        assertThat(application.entityConstraints()).isFalse();
    }

    @Test
    void a_file_that_does_not_parse_is_a_problem_and_the_others_are_still_read() {
        SpringApplication read = new SpringSourceReader().read(List.of(
                new SourceFile("shop.Broken", "package shop; public class Broken {"), ENTITY));

        assertThat(read.problems()).singleElement().asString().startsWith("shop/Broken.java: does not parse");
        assertThat(read.entities()).containsExactly("shop.app.Item");
    }
}
