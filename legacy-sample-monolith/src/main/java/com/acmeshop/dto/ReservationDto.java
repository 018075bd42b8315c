package com.acmeshop.dto;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Stock held for an order. */
public record ReservationDto(
        Long id,
        Long productId,
        Long orderId,
        int quantity,
        String status,
        LocalDateTime createdAt) {
}
