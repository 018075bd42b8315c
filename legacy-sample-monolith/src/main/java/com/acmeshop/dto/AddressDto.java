package com.acmeshop.dto;

/** A customer address. */
public record AddressDto(
        Long id,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        String country,
        boolean defaultAddress) {
}
