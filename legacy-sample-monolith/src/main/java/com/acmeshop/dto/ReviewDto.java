package com.acmeshop.dto;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A review. */
public record ReviewDto(
        Long id,
        Long productId,
        Long customerId,
        String author,
        int rating,
        String title,
        String body,
        boolean verifiedPurchase,
        LocalDateTime createdAt) {
}
