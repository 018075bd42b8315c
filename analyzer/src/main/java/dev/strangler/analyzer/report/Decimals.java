package dev.strangler.analyzer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting, so reports are byte-identical everywhere. */
final class Decimals {
    private Decimals() {
    }

    /** At most {@code places} decimals, trailing zeros dropped, no exponent: 0.5, 12, -0.1234. */
    static String plain(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    /** Exactly {@code places} decimals, for table columns. */
    static String fixed(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }
}
