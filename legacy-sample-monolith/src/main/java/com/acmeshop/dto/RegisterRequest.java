package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** Sign-up form. */
public record RegisterRequest(
        @NotBlank(message = "must not be blank") @Email(message = "must be a valid e-mail address") String email,
        @NotBlank(message = "must not be blank") @Size(min = 8, max = 100, message = "must have {min} to {max} characters") String password,
        @NotBlank(message = "must not be blank") String firstName,
        @NotBlank(message = "must not be blank") String lastName) {
}
