package com.acmeshop.exception;

import org.springframework.http.HttpStatus;

/** The request is malformed or breaks a field rule. */
public class BadRequestException extends ShopException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
