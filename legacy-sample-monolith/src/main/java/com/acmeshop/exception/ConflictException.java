package com.acmeshop.exception;

import org.springframework.http.HttpStatus;

/** The request breaks a business rule given the current state. */
public class ConflictException extends ShopException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
