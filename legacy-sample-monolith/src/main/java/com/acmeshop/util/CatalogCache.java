package com.acmeshop.util;

import com.acmeshop.dto.CategoryDto;
import com.acmeshop.dto.ProductDto;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product cache from the 2015 Black Friday outage. Static and mutable: anybody can clear it.
 */
public final class CatalogCache {

    public static final Map<Long, ProductDto> PRODUCTS_BY_ID = new ConcurrentHashMap<>();
    public static volatile List<ProductDto> allProducts;
    public static volatile List<CategoryDto> allCategories;
    public static volatile long loadedAtMillis;
    public static volatile long hits;
    public static volatile long misses;

    private CatalogCache() {
    }

    public static boolean isFresh(long ttlSeconds) {
        return allProducts != null && System.currentTimeMillis() - loadedAtMillis < ttlSeconds * 1000;
    }

    public static synchronized void fill(List<ProductDto> products, List<CategoryDto> categories) {
        PRODUCTS_BY_ID.clear();
        for (ProductDto p : products) {
            PRODUCTS_BY_ID.put(p.id(), p);
        }
        allProducts = List.copyOf(products);
        allCategories = List.copyOf(categories);
        loadedAtMillis = System.currentTimeMillis();
    }

    public static synchronized void clear() {
        PRODUCTS_BY_ID.clear();
        allProducts = null;
        allCategories = null;
        loadedAtMillis = 0;
    }
}
