package com.acmeshop.dto;

import java.math.BigDecimal;
import java.util.List;

/** A cart with its lines. */
public record CartDto(
        Long customerId,
        List<CartLineDto> items,
        int itemCount,
        BigDecimal subtotal) {
}
