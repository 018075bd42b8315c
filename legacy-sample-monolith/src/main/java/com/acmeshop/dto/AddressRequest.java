package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** A new address. */
public record AddressRequest(
        @NotBlank(message = "must not be blank") String line1,
        String line2,
        @NotBlank(message = "must not be blank") String city,
        String region,
        @NotBlank(message = "must not be blank") String postalCode,
        @NotBlank(message = "must not be blank") @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO country code like US") String country,
        Boolean defaultAddress) {
}
