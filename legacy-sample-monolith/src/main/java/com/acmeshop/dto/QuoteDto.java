package com.acmeshop.dto;

import java.math.BigDecimal;

/** Price breakdown of a cart before checkout. */
public record QuoteDto(
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal shippingCost,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal taxRate,
        String shippingZone,
        int weightGrams,
        String couponCode) {
}
