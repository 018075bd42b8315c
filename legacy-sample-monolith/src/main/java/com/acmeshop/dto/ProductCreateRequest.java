package com.acmeshop.dto;

import jakarta.validation.constraints.*;
import java.math.BigDecimal;

/** A new product for the catalog (back office). */
public record ProductCreateRequest(
        @NotBlank(message = "must not be blank") @Pattern(regexp = "[A-Z]{2}-[0-9]{4}", message = "must look like AB-1234") String sku,
        @NotBlank(message = "must not be blank") String name,
        String description,
        @NotNull(message = "is required") @DecimalMin(value = "0.01", message = "must be at least {value}") BigDecimal price,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least {value}") Integer weightGrams,
        @NotBlank(message = "must not be blank") String categorySlug,
        @Min(value = 0, message = "must be at least {value}") Integer initialStock) {
}
