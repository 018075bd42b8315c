package com.acmeshop.exception;

import org.springframework.http.HttpStatus;

/** No customer is logged in, or the credentials are wrong. */
public class UnauthorizedException extends ShopException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(HttpStatus.UNAUTHORIZED, message);
    }
}
