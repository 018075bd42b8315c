package com.acmeshop.dto;

/** Checkout form; customerId may come from the session instead. */
public record CheckoutRequest(
        Long customerId,
        Long addressId,
        String couponCode) {
}
