package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** Add a product to the cart. */
public record CartItemRequest(
        @NotNull(message = "is required") Long productId,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least {value}") @Max(value = 99, message = "must be at most {value}") Integer quantity) {
}
