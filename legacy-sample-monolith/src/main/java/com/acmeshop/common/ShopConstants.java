package com.acmeshop.common;

import java.math.BigDecimal;

/**
 * Constants nobody dared to move into configuration.
 */
public final class ShopConstants {

    public static final String SESSION_CUSTOMER_ID = "ACMESHOP_CUSTOMER_ID";
    public static final String SESSION_CUSTOMER_EMAIL = "ACMESHOP_CUSTOMER_EMAIL";
    public static final String CURRENCY = "USD";
    public static final String DEFAULT_CARRIER = "ACME-POST";
    public static final String SHOP_COUNTRY = "US";
    public static final BigDecimal MAX_CARD_CHARGE = new BigDecimal("10000.00");
    public static final int MAX_PAGE_SIZE = 100;
    public static final int OUTBOX_MAX_ATTEMPTS = 3;

    public static final String OUTBOX_PENDING = "PENDING";
    public static final String OUTBOX_SENT = "SENT";
    public static final String OUTBOX_FAILED = "FAILED";

    private ShopConstants() {
    }
}
