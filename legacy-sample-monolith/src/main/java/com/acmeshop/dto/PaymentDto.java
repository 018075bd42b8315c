package com.acmeshop.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A payment attempt. */
public record PaymentDto(
        Long id,
        Long orderId,
        BigDecimal amount,
        String status,
        String cardLast4,
        String providerReference,
        String failureReason,
        LocalDateTime createdAt) {
}
