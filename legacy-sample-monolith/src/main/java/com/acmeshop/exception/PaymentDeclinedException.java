package com.acmeshop.exception;

import org.springframework.http.HttpStatus;

/** The payment provider declined the card. */
public class PaymentDeclinedException extends ShopException {

    private static final long serialVersionUID = 1L;

    public PaymentDeclinedException(String message) {
        super(HttpStatus.PAYMENT_REQUIRED, message);
    }
}
