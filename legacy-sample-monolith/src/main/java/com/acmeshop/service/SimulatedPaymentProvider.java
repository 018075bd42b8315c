package com.acmeshop.service;

import com.acmeshop.common.ShopConstants;
import com.acmeshop.util.CardUtils;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * In-process stand-in for the card processor (the real one was switched off in the test environment in 2017).
 * Cards ending in 0002 are declined, cards ending in 9995 have insufficient funds, charges above the card limit fail.
 */
@Component
public class SimulatedPaymentProvider {

    public ChargeResult charge(String cardNumber, BigDecimal amount, String orderNumber) {
        String last4 = CardUtils.last4(cardNumber);
        if ("0002".equals(last4)) {
            return new ChargeResult(false, null, "card ending in 0002 was declined by the issuer");
        }
        if ("9995".equals(last4)) {
            return new ChargeResult(false, null, "insufficient funds on card ending in 9995");
        }
        if (amount.compareTo(ShopConstants.MAX_CARD_CHARGE) > 0) {
            return new ChargeResult(false, null, "amount " + amount + " exceeds the card limit of "
                    + ShopConstants.MAX_CARD_CHARGE);
        }
        return new ChargeResult(true, "SIM-" + orderNumber + "-" + UUID.randomUUID().toString().substring(0, 8), null);
    }

    public String refund(String providerReference) {
        return "RF-" + providerReference;
    }
}
