package com.acmeshop.dto;

import java.math.BigDecimal;
import java.util.Map;

/** Aggregated rating of a product. */
public record RatingSummaryDto(
        Long productId,
        BigDecimal averageRating,
        long reviewCount,
        Map<Integer, Long> histogram) {
}
