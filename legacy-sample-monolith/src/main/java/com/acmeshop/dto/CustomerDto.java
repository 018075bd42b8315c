package com.acmeshop.dto;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A customer account. */
public record CustomerDto(
        Long id,
        String email,
        String firstName,
        String lastName,
        int loyaltyPoints,
        LocalDateTime createdAt) {
}
