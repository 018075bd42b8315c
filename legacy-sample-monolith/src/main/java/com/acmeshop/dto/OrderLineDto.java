package com.acmeshop.dto;

import java.math.BigDecimal;

/** One line of an order. */
public record OrderLineDto(
        Long productId,
        String productName,
        BigDecimal unitPrice,
        int quantity,
        BigDecimal lineTotal) {
}
