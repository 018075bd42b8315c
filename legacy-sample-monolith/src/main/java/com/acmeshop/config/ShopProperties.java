package com.acmeshop.config;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code acmeshop.*} in application.properties.
 */
@ConfigurationProperties(prefix = "acmeshop")
public class ShopProperties {

    private BigDecimal freeShippingThreshold = new BigDecimal("100.00");
    private int loyaltyPointsPerDollar = 1;

    public BigDecimal getFreeShippingThreshold() {
        return freeShippingThreshold;
    }

    public void setFreeShippingThreshold(BigDecimal freeShippingThreshold) {
        this.freeShippingThreshold = freeShippingThreshold;
    }

    public int getLoyaltyPointsPerDollar() {
        return loyaltyPointsPerDollar;
    }

    public void setLoyaltyPointsPerDollar(int loyaltyPointsPerDollar) {
        this.loyaltyPointsPerDollar = loyaltyPointsPerDollar;
    }
}
