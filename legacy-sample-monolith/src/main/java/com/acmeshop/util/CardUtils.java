package com.acmeshop.util;

import java.time.YearMonth;

/**
 * Card number checks shared by checkout and the payment simulator.
 */
public final class CardUtils {

    private CardUtils() {
    }

    public static String digitsOnly(String cardNumber) {
        return cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
    }

    /** The Luhn (mod 10) check every card number passes. */
    public static boolean passesLuhn(String cardNumber) {
        String digits = digitsOnly(cardNumber);
        if (!digits.matches("[0-9]{12,19}")) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static String last4(String cardNumber) {
        String digits = digitsOnly(cardNumber);
        return digits.length() < 4 ? digits : digits.substring(digits.length() - 4);
    }

    public static String mask(String cardNumber) {
        return "**** **** **** " + last4(cardNumber);
    }

    /** Expiry as MM/YY; a card is valid until the end of its expiry month. */
    public static boolean isExpired(String expiry, YearMonth now) {
        int month = Integer.parseInt(expiry.substring(0, 2));
        int year = 2000 + Integer.parseInt(expiry.substring(3, 5));
        return YearMonth.of(year, month).isBefore(now);
    }
}
