package com.acmeshop.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A coupon and whether it can be used today. */
public record CouponDto(
        String code,
        String discountType,
        BigDecimal discountValue,
        BigDecimal minOrderAmount,
        LocalDate validUntil,
        boolean usable,
        String reason) {
}
