package com.acmeshop.model;

public enum PaymentStatus {
    CAPTURED,
    DECLINED,
    REFUNDED
}
