package com.acmeshop.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** An order. */
public record OrderDto(
        Long id,
        String orderNumber,
        Long customerId,
        Long shippingAddressId,
        String status,
        List<OrderLineDto> lines,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal shippingCost,
        BigDecimal tax,
        BigDecimal total,
        String couponCode,
        LocalDateTime createdAt) {
}
