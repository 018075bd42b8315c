package com.acmeshop.dto;

/** A catalog category. */
public record CategoryDto(
        Long id,
        String slug,
        String name,
        String description) {
}
