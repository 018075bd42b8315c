package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.Stereotype;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FrameworkFixturesTest {
    @Test
    void finds_jax_rs_resources_under_the_application_path() {
        Codebase codebase = Fixtures.scan("jaxrs");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::httpMethod, EntryPoint::path, e -> e.handler().toString())
                .containsExactly(
                        tuple("jax-rs", "GET", "/rest/books", "lib.api.BookResource#all"),
                        tuple("jax-rs", "POST", "/rest/books", "lib.api.BookResource#add"),
                        tuple("jax-rs", "DELETE", "/rest/books/{isbn}", "lib.api.BookResource#remove"),
                        tuple("jax-rs", "GET", "/rest/books/{isbn}", "lib.api.BookResource#one"),
                        tuple("jax-rs", "GET", "/rest/books/{isbn}/reviews", "lib.api.ReviewsResource#all"),
                        tuple("jax-rs", "POST", "/rest/books/{isbn}/reviews", "lib.api.ReviewsResource#add"),
                        tuple("jax-rs", "DELETE", "/rest/books/{isbn}/reviews/{id}", "lib.api.ReviewResource#remove"),
                        tuple("jax-rs", "GET", "/rest/books/{isbn}/reviews/{id}", "lib.api.TextResource#show"),
                        tuple("jax-rs", "GET", "/rest/books/{isbn}/reviews/{id}/author", "lib.api.AuthorResource#name"),
                        tuple("jax-rs", "GET", "/rest/orphan", "lib.api.OrphanResource#get"),
                        tuple("jax-rs", "GET", "/rest/shelves", "lib.api.ShelfServiceImpl#names"),
                        tuple("jax-rs", "GET", "/rest/shelves/count", "lib.api.CatalogBase#count"));
    }

    @Test
    void finds_annotated_servlets_and_web_xml_mappings_including_inherited_handlers() {
        Codebase codebase = Fixtures.scan("servlet");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::httpMethod, EntryPoint::path, e -> e.handler().toString())
                .containsExactly(
                        tuple("servlet-web-xml", "ANY", "/appointments", "clinic.web.AppointmentServlet#service"),
                        tuple("servlet", "GET", "/patients", "clinic.web.PatientServlet#doGet"),
                        tuple("servlet", "POST", "/patients", "clinic.web.PatientServlet#doPost"),
                        tuple("servlet", "GET", "/patients/*", "clinic.web.PatientServlet#doGet"),
                        tuple("servlet", "POST", "/patients/*", "clinic.web.PatientServlet#doPost"),
                        tuple("servlet-web-xml", "GET", "/reports/daily", "clinic.web.BaseServlet#doGet"));
        assertThat(codebase.problems()).extracting(p -> p.toCompilerStyle()).contains(
                "src/main/webapp/WEB-INF/web.xml:14: warning: servlet class clinic.web.GoneServlet named in web.xml"
                        + " is not in the scanned sources");
        assertThat(codebase.types()).filteredOn(t -> t.name().simpleName().endsWith("Servlet"))
                .allMatch(t -> t.is(Stereotype.ENTRY_POINT));
    }

    @Test
    void finds_struts_1_and_2_actions_and_stripes_events() {
        Codebase codebase = Fixtures.scan("struts-stripes");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::path, e -> e.handler().toString())
                .containsExactly(
                        tuple("struts", "/admin/user-save", "shop.action.UserAction#save"),
                        tuple("struts", "/admin/users", "shop.action.UserAction#list"),
                        tuple("stripes", "/cart/{id}", "shop.stripes.CartActionBean#view"),
                        tuple("stripes", "/cart/{id}?add", "shop.stripes.CartActionBean#addItem"),
                        tuple("stripes", "/cart/{id}?checkout", "shop.stripes.CartActionBean#checkout"),
                        tuple("struts", "/catalog", "shop.action.CatalogAction#browse"),
                        tuple("struts", "/login", "shop.action.LoginAction#execute"));
        assertThat(codebase.types()).allMatch(t -> t.is(Stereotype.ENTRY_POINT));
    }

    @Test
    void attributes_routes_of_api_interfaces_and_base_controllers_to_their_implementations_and_reads_micronaut() {
        Codebase codebase = Fixtures.scan("api-contracts");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::label, e -> e.handler().toString(), e -> e.location().toString())
                .containsExactly(
                        tuple("micronaut", "DELETE /owners/{id}", "pets.mn.OwnerController#remove",
                                "src/main/java/pets/mn/OwnerController.java:14"),
                        tuple("micronaut", "GET /owners/{id}", "pets.mn.OwnerController#show",
                                "src/main/java/pets/mn/OwnerController.java:9"),
                        tuple("spring-mvc", "DELETE /toys/{id}", "pets.web.ToyController#delete",
                                "src/main/java/pets/web/ToyController.java:16"),
                        tuple("spring-mvc", "GET /toys/{id}", "pets.web.CrudController#get",
                                "src/main/java/pets/web/CrudController.java:9"),
                        tuple("spring-mvc", "GET /v1/pets/{petId}", "pets.web.PetsController#showPetById",
                                "src/main/java/pets/web/PetsController.java:8"));
    }
}
