package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** New stock figures for a product (back office). */
public record StockUpdateRequest(
        @NotNull(message = "is required") @Min(value = 0, message = "must be at least {value}") Integer quantityOnHand,
        @Min(value = 0, message = "must be at least {value}") Integer reorderLevel) {
}
