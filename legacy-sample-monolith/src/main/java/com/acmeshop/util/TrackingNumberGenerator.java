package com.acmeshop.util;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order numbers and parcel tracking numbers.
 */
public final class TrackingNumberGenerator {

    private static final AtomicLong ORDER_SEQUENCE = new AtomicLong(1000);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private TrackingNumberGenerator() {
    }

    public static String nextOrderNumber() {
        return "AS-" + LocalDate.now().format(DAY) + "-" + ORDER_SEQUENCE.incrementAndGet() + "-"
                + ThreadLocalRandom.current().nextInt(100, 1000);
    }

    public static String nextTrackingNumber(String carrier) {
        String prefix = carrier.length() >= 2 ? carrier.substring(0, 2).toUpperCase(java.util.Locale.ROOT) : "XX";
        long number = ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
        return prefix + number + "US";
    }
}
