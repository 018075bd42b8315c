package dev.strangler.analyzer.core;

import java.util.List;

/** Hand-built models used across the analyzer's tests. */
public final class ModelFixtures {
    private ModelFixtures() {
    }

    /**
     * A small shop with three areas (catalog, orders, customers), a utility used everywhere, an error DTO used by
     * every controller, two serverless risks and one parse problem.
     */
    public static Codebase shop() {
        ModelBuilder m = new ModelBuilder("tiny-shop", "com.acme");
        m.type("util.Money", Stereotype.UTILITY)
                .type("web.ApiError", Stereotype.DATA_CARRIER)
                // catalog
                .type("web.ProductController", Stereotype.ENTRY_POINT)
                .type("service.ProductService", Stereotype.SERVICE)
                .type("repo.ProductRepository", TypeKind.INTERFACE, List.of(), Stereotype.REPOSITORY)
                .type("model.Product", Stereotype.ENTITY)
                .type("model.Category", Stereotype.ENTITY)
                .type("repo.CategoryRepository", TypeKind.INTERFACE, List.of(), Stereotype.REPOSITORY)
                // orders
                .type("web.OrderController", Stereotype.ENTRY_POINT)
                .type("service.OrderService", Stereotype.SERVICE)
                .type("repo.OrderRepository", TypeKind.INTERFACE, List.of(), Stereotype.REPOSITORY)
                .type("model.Order", Stereotype.ENTITY)
                .type("model.OrderLine", Stereotype.ENTITY)
                .type("service.OrderTotals")
                // customers
                .type("web.CustomerController", Stereotype.ENTRY_POINT)
                .type("service.CustomerService", Stereotype.SERVICE)
                .type("repo.CustomerRepository", TypeKind.INTERFACE, List.of(), Stereotype.REPOSITORY)
                .type("model.Customer", Stereotype.ENTITY)
                .type("model.Address", Stereotype.ENTITY);
        m.entity("model.Product", "products").entity("model.Category", "categories")
                .entity("model.Order", "orders").entity("model.OrderLine", "order_lines")
                .entity("model.Customer", "customers").entity("model.Address", "addresses");
        m.repository("repo.ProductRepository", "model.Product").repository("repo.CategoryRepository", "model.Category")
                .repository("repo.OrderRepository", "model.Order").repository("repo.CustomerRepository", "model.Customer");
        m.route("GET", "/api/products", "web.ProductController#list")
                .route("GET", "/api/products/{id}", "web.ProductController#get")
                .route("POST", "/api/products", "web.ProductController#create")
                .route("GET", "/api/categories", "web.ProductController#categories")
                .route("GET", "/api/orders", "web.OrderController#list")
                .route("POST", "/api/orders", "web.OrderController#place")
                .route("GET", "/api/customers/{id}", "web.CustomerController#get")
                .route("PUT", "/api/customers/{id}/address", "web.CustomerController#move");
        m.call("web.ProductController#list", "service.ProductService#list")
                .call("web.ProductController#get", "service.ProductService#get")
                .call("web.ProductController#create", "service.ProductService#create")
                .call("web.ProductController#categories", "service.ProductService#categories")
                .call("service.ProductService#list", "repo.ProductRepository#findAll")
                .call("service.ProductService#get", "repo.ProductRepository#findById")
                .call("service.ProductService#create", "repo.ProductRepository#save")
                .call("service.ProductService#create", "util.Money#round")
                .call("service.ProductService#categories", "repo.CategoryRepository#findAll")
                .call("service.ProductService#price", "repo.ProductRepository#findById")
                .reference("service.ProductService#create", "model.Product", DependencyKind.INSTANTIATION)
                .depend("model.Product", "model.Category", DependencyKind.ASSOCIATION, 1)
                .depend("service.ProductService", "repo.ProductRepository", DependencyKind.FIELD, 1)
                .depend("service.ProductService", "repo.CategoryRepository", DependencyKind.FIELD, 1)
                .depend("web.ProductController", "service.ProductService", DependencyKind.FIELD, 1)
                .depend("repo.ProductRepository", "model.Product", DependencyKind.SIGNATURE, 3)
                .depend("repo.CategoryRepository", "model.Category", DependencyKind.SIGNATURE, 2)
                .depend("web.ProductController", "web.ApiError", DependencyKind.INSTANTIATION, 1);
        m.call("web.OrderController#list", "service.OrderService#list")
                .call("web.OrderController#place", "service.OrderService#place")
                .call("service.OrderService#list", "repo.OrderRepository#findAll")
                .call("service.OrderService#place", "repo.OrderRepository#save")
                .call("service.OrderService#place", "service.ProductService#price")
                .call("service.OrderService#place", "service.CustomerService#get")
                .call("service.OrderService#place", "service.OrderTotals#total")
                .call("service.OrderTotals#total", "util.Money#round")
                .reference("service.OrderService#place", "model.Order", DependencyKind.INSTANTIATION)
                .reference("service.OrderService#place", "model.OrderLine", DependencyKind.INSTANTIATION)
                .depend("model.Order", "model.OrderLine", DependencyKind.ASSOCIATION, 1)
                .depend("model.OrderLine", "model.Product", DependencyKind.ASSOCIATION, 1)
                .depend("service.OrderService", "repo.OrderRepository", DependencyKind.FIELD, 1)
                .depend("web.OrderController", "service.OrderService", DependencyKind.FIELD, 1)
                .depend("repo.OrderRepository", "model.Order", DependencyKind.SIGNATURE, 3)
                .depend("service.OrderTotals", "model.OrderLine", DependencyKind.SIGNATURE, 2)
                .depend("web.OrderController", "web.ApiError", DependencyKind.INSTANTIATION, 1)
                .access("service.OrderService#place", "order_lines", AccessMode.WRITE);
        m.call("web.CustomerController#get", "service.CustomerService#get")
                .call("web.CustomerController#move", "service.CustomerService#move")
                .call("service.CustomerService#get", "repo.CustomerRepository#findById")
                .call("service.CustomerService#move", "repo.CustomerRepository#save")
                .call("service.CustomerService#move", "util.Money#round")
                .reference("service.CustomerService#move", "model.Address", DependencyKind.INSTANTIATION)
                .depend("model.Customer", "model.Address", DependencyKind.ASSOCIATION, 1)
                .depend("service.CustomerService", "repo.CustomerRepository", DependencyKind.FIELD, 1)
                .depend("web.CustomerController", "service.CustomerService", DependencyKind.FIELD, 1)
                .depend("repo.CustomerRepository", "model.Customer", DependencyKind.SIGNATURE, 3)
                .depend("web.CustomerController", "web.ApiError", DependencyKind.INSTANTIATION, 1);
        m.risk("service.OrderService", RiskKind.STATIC_MUTABLE_STATE, "static HashMap field PENDING")
                .risk("web.CustomerController", RiskKind.HTTP_SESSION, "HttpSession parameter in move");
        m.problem("src/main/java/com/acme/web/Broken.java", 3, Severity.ERROR, "cannot parse: ';' expected");
        return m.build();
    }
}
