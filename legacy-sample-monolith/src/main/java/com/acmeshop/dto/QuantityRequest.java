package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** Change the quantity of a cart line. */
public record QuantityRequest(
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least {value}") @Max(value = 99, message = "must be at most {value}") Integer quantity) {
}
