package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Entry points of frameworks declared by convention, XML, views and mapping files; and the coverage survey. */
class LegacyFrameworksTest {
    @Test
    void binds_stripes_action_beans_by_naming_convention_and_rest_action_beans_by_http_method() {
        Codebase codebase = Fixtures.scan("stripes-convention");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::label, e -> e.handler().toString())
                .containsExactly(
                        tuple("stripes", "ANY /actions/Catalog.action", "pet.web.actions.CatalogActionBean#viewMain"),
                        tuple("stripes", "ANY /actions/Catalog.action?product", "pet.web.actions.CatalogActionBean#showProduct"),
                        tuple("stripes", "ANY /actions/Catalog.action?searchProducts",
                                "pet.web.actions.CatalogActionBean#searchProducts"),
                        tuple("stripes", "ANY /actions/Catalog.action?signoff", "pet.web.actions.BaseActionBean#signoff"),
                        tuple("stripes", "GET /api/items/{id}", "pet.api.ItemRestActionBean#get"),
                        tuple("stripes", "POST /api/items/{id}", "pet.api.ItemRestActionBean#post"));
        assertThat(codebase.coverage()).extracting(FrameworkCoverage::framework, FrameworkCoverage::entryPoints)
                .containsExactly(tuple("stripes", 6));
        assertThat(warnings(codebase)).isEmpty();
    }

    @Test
    void reads_spring_mvc_mapped_in_xml_remoting_exporters_cxf_dwr_and_struts_actions_that_are_spring_beans() {
        Codebase codebase = Fixtures.scan("spring-xml");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::label, e -> e.handler().toString())
                .containsExactly(
                        tuple("spring-mvc-xml", "GET /add.htm", "crm.web.AddContactController#formBackingObject"),
                        tuple("spring-mvc-xml", "POST /add.htm", "crm.web.AddContactController#doSubmitAction"),
                        tuple("spring-mvc-xml", "ANY /hello.htm", "crm.web.HelloController#handleRequestInternal"),
                        tuple("spring-mvc-xml", "ANY /index.htm", "crm.web.IndexController#handleRequest"),
                        tuple("struts", "ANY /legacy/report", "crm.struts.ReportAction#execute"),
                        tuple("spring-remoting", "POST /remoting/ContactManager-httpinvoker",
                                "crm.service.ContactManagerBackend#create"),
                        tuple("spring-remoting", "POST /remoting/ContactManager-httpinvoker",
                                "crm.service.ContactManagerBackend#getAll"),
                        tuple("struts", "ANY /reports/export", "crm.struts.ExportAction#export"),
                        tuple("dwr", "POST /scripts/call/plaincall/Contacts.getAll.dwr",
                                "crm.service.ContactManagerBackend#getAll"),
                        tuple("jax-ws", "POST /services/ContactService", "crm.service.ContactManagerBackend#create"),
                        tuple("jax-ws", "POST /services/ContactService", "crm.service.ContactManagerBackend#getAll"),
                        tuple("jax-rs", "GET /services/api/contacts", "crm.web.ContactResource#list"));
        assertThat(codebase.coverage()).extracting(FrameworkCoverage::framework, FrameworkCoverage::entryPoints)
                .containsExactly(tuple("dwr", 1), tuple("jax-rs", 1), tuple("jax-ws", 2), tuple("spring-mvc", 6),
                        tuple("struts", 2));
        assertThat(warnings(codebase)).containsExactly("src/main/resources/struts.xml:7: warning: struts.xml maps"
                + " action audit to crm.struts.AuditAction, which is neither in the scanned sources nor a Spring bean;"
                + " requests there are not traced");
    }

    @Test
    void maps_controller_beans_by_class_name_where_the_context_declares_controller_class_name_handler_mapping() {
        Codebase codebase = Fixtures.scan("spring-classname");

        assertThat(codebase.entryPoints()).extracting(EntryPoint::label, e -> e.handler().toString())
                .containsExactly(tuple("ANY /welcome*", "vet.web.WelcomeController#handleRequestInternal"));
    }

    @Test
    void puts_the_dispatcher_servlet_prefix_of_the_module_web_xml_before_annotated_spring_mvc_routes() {
        Codebase codebase = Fixtures.scan("dispatcher-prefix");

        assertThat(codebase.entryPoints()).extracting(EntryPoint::label, e -> e.handler().toString())
                .containsExactly(tuple("GET /app/users/{id}", "shop.web.UserController#show"));
    }

    @Test
    void reads_jsf_views_managed_beans_flows_websocket_endpoints_and_batch_jobs() {
        Codebase codebase = Fixtures.scan("javaee");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::label, e -> e.handler().toString())
                .containsExactly(
                        tuple("jsf", "POST /booking", "cargo.web.Booking#getReturnValue"),
                        tuple("jsf", "GET /booking/booking.xhtml", "cargo.web.Booking#getOrigin"),
                        tuple("jsf", "POST /booking/booking.xhtml", "cargo.web.Booking#register"),
                        tuple("jsf", "GET /cargos.xhtml", "cargo.web.CargoList#getCargos"),
                        tuple("jsf", "GET /cargos.xhtml", "cargo.web.Track#getTrackingId"),
                        tuple("jsf", "POST /cargos.xhtml", "cargo.web.Track#onTrackById"),
                        tuple("jsf", "GET /legacy.xhtml", "cargo.web.LegacyBean#getTitle"),
                        tuple("jsf", "POST /legacy.xhtml", "cargo.web.LegacyBean#save"),
                        tuple("websocket", "GET /tracking", "cargo.web.TrackingSocket#close"),
                        tuple("websocket", "GET /tracking", "cargo.web.TrackingSocket#open"),
                        tuple("batch", "batch EventFilesJob", "cargo.batch.EventItemReader#readItem"),
                        tuple("batch", "batch EventFilesJob", "cargo.batch.EventItemWriter#writeItems"));
        assertThat(warnings(codebase)).containsExactly("src/main/resources/META-INF/batch-jobs/EventFilesJob.xml:10:"
                + " warning: batch job EventFilesJob names batchlet 'MissingBatchlet', which is no @Named class or"
                + " class name in the scanned sources; its work is not traced");
        assertThat(codebase.coverage()).extracting(FrameworkCoverage::framework, FrameworkCoverage::entryPoints)
                .containsExactly(tuple("batch", 2), tuple("jsf", 8), tuple("websocket", 2));
    }

    @Test
    void reads_the_commands_a_front_controller_mapping_file_names_with_their_url_layout() {
        Codebase codebase = Fixtures.scan("front-controller");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::framework, EntryPoint::label, e -> e.handler().toString())
                .containsExactly(
                        tuple("servlet-web-xml", "ANY /*.page", "forum.Front#service"),
                        tuple("front-controller", "ANY /topics/list.page", "forum.command.TopicAction#list"),
                        tuple("front-controller", "ANY /topics/show/{start}/{topic_id}.page", "forum.command.TopicAction#show"),
                        tuple("front-controller", "ANY /topics/show/{topic_id}.page", "forum.command.TopicAction#show"));
        assertThat(warnings(codebase)).containsExactly("WEB-INF/config/modulesMapping.properties:3: warning: module"
                + " polls maps to forum.command.PollAction, which is not a class in the scanned sources; its requests"
                + " are not traced");
    }

    @Test
    void keeps_a_front_controller_without_mapping_file_as_entry_point_and_warns_that_its_dispatch_was_not_followed() {
        Codebase codebase = Fixtures.scan("front-controller-unmapped");

        assertThat(codebase.entryPoints()).extracting(EntryPoint::label, e -> e.handler().toString())
                .containsExactly(tuple("POST /do/*", "portal.Controller#doPost"));
        assertThat(warnings(codebase)).containsExactly("src/main/webapp/WEB-INF/web.xml:5: warning: front controller"
                + " portal.Controller (mapped to /do/*) dispatches by reflection (newInstance at"
                + " src/main/java/portal/Controller.java:10); the dispatch behind it was not followed, so what it calls"
                + " is not traced from it; a mapping file naming the classes (like JForum's modulesMapping.properties)"
                + " would be read");
    }

    @Test
    void exports_spring_data_repositories_under_the_base_path_unless_told_not_to() {
        Codebase codebase = Fixtures.scan("data-rest");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::label, e -> e.handler().toString())
                .containsExactly(
                        tuple("GET /api/kinds", "stores.CategoryRepository#findAll"),
                        tuple("POST /api/kinds", "stores.CategoryRepository#save"),
                        tuple("DELETE /api/kinds/{id}", "stores.CategoryRepository#deleteById"),
                        tuple("GET /api/kinds/{id}", "stores.CategoryRepository#findById"),
                        tuple("PATCH /api/kinds/{id}", "stores.CategoryRepository#save"),
                        tuple("PUT /api/kinds/{id}", "stores.CategoryRepository#save"),
                        tuple("GET /api/stores", "stores.StoreRepository#findAll"),
                        tuple("POST /api/stores", "stores.StoreRepository#save"),
                        tuple("GET /api/stores/search/findByName", "stores.StoreRepository#findByName"),
                        tuple("DELETE /api/stores/{id}", "stores.StoreRepository#deleteById"),
                        tuple("GET /api/stores/{id}", "stores.StoreRepository#findById"),
                        tuple("PATCH /api/stores/{id}", "stores.StoreRepository#save"),
                        tuple("PUT /api/stores/{id}", "stores.StoreRepository#save"));
    }

    @Test
    void reads_tapestry_pages_by_package_convention() {
        Codebase codebase = Fixtures.scan("tapestry");

        assertThat(codebase.entryPoints())
                .extracting(EntryPoint::label, e -> e.handler().toString())
                .containsExactly(
                        tuple("GET /", "shop.pages.Index#setupRender"),
                        tuple("GET /admin/userlist", "shop.pages.admin.UserList#onActivate"),
                        tuple("POST /admin/userlist:success", "shop.pages.admin.UserList#onSuccessFromSearch"));
    }

    @Test
    void warns_when_nothing_is_read_where_descriptors_and_imports_say_there_is_something() {
        Codebase codebase = Fixtures.scan("no-entry");

        assertThat(codebase.entryPoints()).isEmpty();
        assertThat(warnings(codebase)).containsExactly(
                ".: warning: no entry point found (no HTTP route, job or listener of a framework the analyzer reads):"
                        + " the split rests on structure alone (dependencies and tables), not on use cases; see the"
                        + " frameworks detected in the report's coverage",
                "src/main/java/legacy/Dispatcher.java: warning: framework tapestry detected (import org.apache.tapestry5"
                        + " in 1 file) but no entry point was read from it: what it serves is not traced, and its"
                        + " classes are placed by structure alone",
                "src/main/webapp/WEB-INF/web.xml:5: warning: web.xml maps /portal/* to com.vendor.portal.PortalServlet,"
                        + " a library servlet of no framework the analyzer reads; requests there are not traced",
                "src/main/webapp/WEB-INF/web.xml:9: warning: web.xml maps /ledger/* to legacy.Ledger, which declares"
                        + " or inherits no doGet, doPost, ... or service method the analyzer can see; requests there are"
                        + " not traced");
        assertThat(codebase.coverage()).extracting(FrameworkCoverage::framework, FrameworkCoverage::entryPoints)
                .containsExactly(tuple("servlet", 0), tuple("tapestry", 0));
    }

    private static java.util.List<String> warnings(Codebase codebase) {
        return codebase.problems().stream().filter(p -> p.severity() == Severity.WARNING).map(Problem::toCompilerStyle)
                .toList();
    }
}
