package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.Stereotype;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the roles of a type from its annotations (Spring, Jakarta/javax, EJB, JAX-RS, Struts, Stripes, MyBatis),
 * its supertypes (servlets, actions, Spring Data) and, failing those, its name.
 */
public final class Stereotypes {
    private static final Set<String> ENTRY_ANNOTATIONS = Set.of("Controller", "RestController", "Path", "WebServlet",
            "UrlBinding", "WebService", "Endpoint", "ServerEndpoint");
    private static final Set<String> ENTRY_SUPERTYPES = Set.of("HttpServlet", "GenericServlet", "Servlet", "Action",
            "ActionSupport", "DispatchAction", "MappingDispatchAction", "LookupDispatchAction", "ActionBean",
            "HttpRequestHandler", "AbstractController", "MultiActionController", "SimpleFormController");
    private static final Set<String> ROUTE_ANNOTATIONS = Set.of("GetMapping", "PostMapping", "PutMapping",
            "DeleteMapping", "PatchMapping", "RequestMapping", "GET", "POST", "PUT", "DELETE", "PATCH", "HandlesEvent", "Get",
            "Post", "Put", "Delete", "Patch",
            "DefaultHandler");
    private static final Set<String> SERVICE_ANNOTATIONS = Set.of("Service", "Stateless", "Stateful", "Singleton",
            "ApplicationScoped", "RequestScoped", "Transactional");
    private static final Set<String> COMPONENT_ANNOTATIONS = Set.of("Component", "Named", "Dependent", "ManagedBean");
    private static final Set<String> REPOSITORY_ANNOTATIONS = Set.of("Repository", "Mapper", "Dao", "RepositoryDefinition");
    private static final Set<String> DATA_ACCESS_FIELDS = Set.of("JdbcTemplate", "NamedParameterJdbcTemplate",
            "EntityManager", "DataSource", "Session", "SessionFactory", "JdbcClient", "SqlSession", "SqlSessionTemplate",
            "Connection", "Jdbi", "DSLContext", "MongoTemplate");
    private static final Set<String> ENTITY_ANNOTATIONS = Set.of("Entity", "Embeddable", "MappedSuperclass", "Document");
    private static final Set<String> CONFIGURATION_ANNOTATIONS = Set.of("Configuration", "SpringBootApplication",
            "ConfigurationProperties", "EnableAutoConfiguration", "EnableWebMvc", "EnableWebSecurity", "ApplicationPath",
            "AutoConfiguration", "WebListener", "WebFilter", "ControllerAdvice", "RestControllerAdvice", "Provider");
    private static final Set<String> CONFIGURATION_SUPERTYPES = Set.of("WebMvcConfigurer", "Application",
            "ServletContextListener", "Filter", "WebSecurityConfigurerAdapter", "SpringBootServletInitializer",
            "ResourceConfig", "ServletContainerInitializer", "WebApplicationInitializer");
    private static final Set<String> JOB_ANNOTATIONS = Set.of("Scheduled", "Schedule", "JmsListener", "KafkaListener",
            "RabbitListener", "SqsListener", "StreamListener", "EventListener", "TransactionalEventListener", "MessageDriven");
    private static final List<String> CARRIER_SUFFIXES = List.of("Dto", "DTO", "Request", "Response", "Form", "View",
            "Command", "Payload", "Vo", "VO", "Summary", "Details", "Criteria", "Params", "Resource");
    private static final List<String> SERVICE_SUFFIXES = List.of("Service", "ServiceImpl", "ServiceBean", "Manager",
            "Facade", "UseCase", "Interactor", "BO", "Bo");
    private static final List<String> REPOSITORY_SUFFIXES = List.of("Repository", "RepositoryImpl", "Repo", "Dao",
            "DAO", "DaoImpl", "DAOImpl", "Store");
    private static final List<String> UTILITY_SUFFIXES = List.of("Util", "Utils", "Helper", "Helpers", "Constants",
            "Tools", "Support");

    private Stereotypes() {
    }

    public static Set<Stereotype> of(TypeIndex index, IndexedType type) {
        Set<String> annotations = new HashSet<>();
        type.declaration.getAnnotations().forEach(a -> annotations.add(Annotations.simpleName(a)));
        Set<String> methodAnnotations = new HashSet<>();
        for (MethodDeclaration method : type.declaration.getMethods()) {
            for (AnnotationExpr annotation : method.getAnnotations()) {
                methodAnnotations.add(Annotations.simpleName(annotation));
            }
        }
        Set<String> supertypes = index.supertypeNames(type);
        String name = type.simpleName();
        Set<Stereotype> result = EnumSet.noneOf(Stereotype.class);

        boolean entity = intersects(annotations, ENTITY_ANNOTATIONS);
        if (entity) {
            result.add(Stereotype.ENTITY);
        }
        if (intersects(annotations, ENTRY_ANNOTATIONS) || intersects(supertypes, ENTRY_SUPERTYPES)
                || intersects(methodAnnotations, ROUTE_ANNOTATIONS) && !annotations.contains("FeignClient")
                || name.endsWith("Controller") || name.endsWith("Servlet") || name.endsWith("Endpoint")) {
            result.add(Stereotype.ENTRY_POINT);
        }
        if (intersects(annotations, SERVICE_ANNOTATIONS) || endsWithAny(name, SERVICE_SUFFIXES)) {
            result.add(Stereotype.SERVICE);
        }
        if (intersects(annotations, REPOSITORY_ANNOTATIONS) || index.isSpringDataRepository(type)
                || endsWithAny(name, REPOSITORY_SUFFIXES) || type.isInterface && name.endsWith("Mapper")
                || hasDataAccessField(type) && !result.contains(Stereotype.SERVICE) && !result.contains(Stereotype.ENTRY_POINT)) {
            result.add(Stereotype.REPOSITORY);
        }
        if (intersects(annotations, CONFIGURATION_ANNOTATIONS) || intersects(supertypes, CONFIGURATION_SUPERTYPES)
                || name.endsWith("Config") || name.endsWith("Configuration")) {
            result.add(Stereotype.CONFIGURATION);
        }
        if (intersects(methodAnnotations, JOB_ANNOTATIONS) || annotations.contains("MessageDriven")
                || supertypes.contains("org.quartz.Job") || name.endsWith("Job") || name.endsWith("Listener")
                && !result.contains(Stereotype.CONFIGURATION)) {
            result.add(Stereotype.BACKGROUND_JOB);
        }
        boolean throwable = supertypes.stream().anyMatch(s -> s.endsWith("Exception") || s.endsWith("Throwable")
                || s.endsWith("Error"));
        if (!type.declaration.isRecordDeclaration() && (throwable || name.endsWith("Exception"))) {
            result.add(Stereotype.EXCEPTION);
        }
        if (result.isEmpty() && intersects(annotations, COMPONENT_ANNOTATIONS)) {
            // a managed bean with no more specific role does service work
            result.add(Stereotype.SERVICE);
        }
        if (!entity && result.isEmpty() && (type.declaration.isRecordDeclaration() || endsWithAny(name, CARRIER_SUFFIXES)
                || isJavaBean(type))) {
            result.add(Stereotype.DATA_CARRIER);
        }
        if (result.isEmpty() && (endsWithAny(name, UTILITY_SUFFIXES) || isStaticOnly(type))) {
            result.add(Stereotype.UTILITY);
        }
        return result;
    }

    private static boolean intersects(Set<String> names, Set<String> wanted) {
        for (String name : names) {
            if (wanted.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String name, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDataAccessField(IndexedType type) {
        for (var fieldType : type.fieldTypes.values()) {
            String written = fieldType.asString();
            int generic = written.indexOf('<');
            String base = generic < 0 ? written : written.substring(0, generic);
            if (DATA_ACCESS_FIELDS.contains(base.substring(base.lastIndexOf('.') + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Fields plus nothing but accessors and object methods: a bean that only carries data. */
    private static boolean isJavaBean(IndexedType type) {
        if (!type.declaration.isClassOrInterfaceDeclaration() || type.isInterface) {
            return false;
        }
        boolean hasField = false;
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof FieldDeclaration field && !field.isStatic()) {
                hasField = true;
            }
        }
        if (!hasField) {
            return false;
        }
        for (MethodDeclaration method : type.declaration.getMethods()) {
            String name = method.getNameAsString();
            boolean accessor = name.startsWith("get") || name.startsWith("set") || name.startsWith("is")
                    || name.equals("equals") || name.equals("hashCode") || name.equals("toString")
                    || name.startsWith("with") || name.equals("builder");
            if (!accessor) {
                return false;
            }
        }
        return true;
    }

    /** Only static methods (at least one) and no instance state: a helper class. */
    private static boolean isStaticOnly(IndexedType type) {
        if (!type.declaration.isClassOrInterfaceDeclaration() || type.isInterface) {
            return false;
        }
        List<MethodDeclaration> methods = type.declaration.getMethods();
        if (methods.isEmpty()) {
            return type.declaration.getFields().stream().allMatch(f -> f.isStatic())
                    && !type.declaration.getFields().isEmpty();
        }
        for (MethodDeclaration method : methods) {
            if (!method.isStatic()) {
                return false;
            }
        }
        for (FieldDeclaration field : type.declaration.getFields()) {
            if (!field.hasModifier(Modifier.Keyword.STATIC)) {
                return false;
            }
        }
        return true;
    }
}
