package com.acmeshop.model;

public enum DiscountType {
    PERCENT,
    FIXED
}
