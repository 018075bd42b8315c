package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** Card details for paying an order. */
public record PaymentRequest(
        @NotBlank(message = "must not be blank") String cardNumber,
        @NotBlank(message = "must not be blank") @Pattern(regexp = "(0[1-9]|1[0-2])/[0-9]{2}", message = "must look like MM/YY") String expiry,
        @NotBlank(message = "must not be blank") @Pattern(regexp = "[0-9]{3,4}", message = "must be 3 or 4 digits") String cvv) {
}
