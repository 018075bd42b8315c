package com.acmeshop.util;

import com.acmeshop.exception.BadRequestException;

/**
 * Guard clauses used all over the services.
 */
public final class ValidationUtils {

    private ValidationUtils() {
    }

    public static void requireRange(String name, int value, int min, int max) {
        if (value < min) {
            throw new BadRequestException(name + " must be at least " + min + ", but was " + value);
        }
        if (value > max) {
            throw new BadRequestException(name + " must be at most " + max + ", but was " + value);
        }
    }

    public static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " must not be blank");
        }
        return value.trim();
    }

    public static <T> T requireNotNull(String name, T value) {
        if (value == null) {
            throw new BadRequestException(name + " is required");
        }
        return value;
    }

    public static String normalizeEmail(String email) {
        return requireText("email", email).toLowerCase(java.util.Locale.ROOT);
    }
}
