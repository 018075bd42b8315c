package com.acmeshop.dto;

import java.math.BigDecimal;

/** A product as the catalog shows it. */
public record ProductDto(
        Long id,
        String sku,
        String name,
        String description,
        BigDecimal price,
        Integer weightGrams,
        String categorySlug,
        String categoryName) {
}
