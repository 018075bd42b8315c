package com.acmeshop.dto;

import java.math.BigDecimal;

/** One line of a cart. */
public record CartLineDto(
        Long productId,
        String sku,
        String name,
        BigDecimal unitPrice,
        int quantity,
        BigDecimal lineTotal) {
}
