package com.acmeshop.util;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money arithmetic: two decimals, half-up, as the accountants asked in 2014.
 */
public final class MoneyUtils {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private MoneyUtils() {
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount == null ? ZERO : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal times(BigDecimal price, int quantity) {
        return round(price.multiply(BigDecimal.valueOf(quantity)));
    }

    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return round(amount.multiply(percent).divide(HUNDRED));
    }

    public static BigDecimal applyRate(BigDecimal amount, BigDecimal rate) {
        return round(amount.multiply(rate));
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static boolean isPositive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
