package com.acmeshop.dto;

/** Options for shipping an order. */
public record ShipmentRequest(
        String carrier) {
}
