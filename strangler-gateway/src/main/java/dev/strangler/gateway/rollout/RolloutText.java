package dev.strangler.gateway.rollout;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of a plan's values, as the route file, the admin API and the CLI write them. Stateless. */
public final class RolloutText {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,4})?)%");

    private RolloutText() {
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(String.valueOf(text).trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a hold time must be a whole number with ms, s, m or h, like 30s or 5m,"
                    + " but was '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The shortest form {@link #parseDuration} reads back: {@code 90s}, {@code 5m}, {@code 1500ms}. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** Parses {@code 1%} or {@code 99.5%} into a fraction (0.01, 0.995). */
    public static double parsePercent(String text) {
        Matcher m = PERCENT.matcher(String.valueOf(text).trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a percentage like 1% or 99.5%, but was '" + text + "'");
        }
        return new BigDecimal(m.group(1)).movePointLeft(2).doubleValue();
    }

    /** A fraction as a percentage without needless digits: 0.01 → {@code 1%}, 0.995 → {@code 99.5%}. */
    public static String percent(double fraction) {
        return new BigDecimal(String.valueOf(fraction)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A figure without needless digits: 3.0 → {@code 3}, 0.12345 → {@code 0.1235}. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
