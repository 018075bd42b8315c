package com.acmeshop.util;

import com.acmeshop.exception.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Date parsing for query parameters.
 */
public final class DateUtils {

    private DateUtils() {
    }

    public static LocalDate parseOrDefault(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date like 2024-05-31, but was '" + value + "'");
        }
    }

    public static void requireOrder(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BadRequestException("from must not be after to, but was from=" + from + " to=" + to);
        }
    }
}
