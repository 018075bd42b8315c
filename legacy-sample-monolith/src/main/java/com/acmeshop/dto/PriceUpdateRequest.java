package com.acmeshop.dto;

import jakarta.validation.constraints.*;
import java.math.BigDecimal;

/** New price of a product. */
public record PriceUpdateRequest(
        @NotNull(message = "is required") @DecimalMin(value = "0.01", message = "must be at least {value}") BigDecimal price) {
}
