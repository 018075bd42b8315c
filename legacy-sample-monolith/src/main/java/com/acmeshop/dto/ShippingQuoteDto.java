package com.acmeshop.dto;

import java.math.BigDecimal;

/** Price of a parcel. */
public record ShippingQuoteDto(
        String country,
        String zone,
        int weightGrams,
        BigDecimal price) {
}
