package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** Login form. */
public record LoginRequest(
        @NotBlank(message = "must not be blank") String email,
        @NotBlank(message = "must not be blank") String password) {
}
