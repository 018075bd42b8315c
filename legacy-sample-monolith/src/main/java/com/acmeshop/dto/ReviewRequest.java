package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** A new review; customerId may come from the session instead. */
public record ReviewRequest(
        Long customerId,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least {value}") @Max(value = 5, message = "must be at most {value}") Integer rating,
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must have at most {max} characters") String title,
        @Size(max = 4000, message = "must have at most {max} characters") String body) {
}
