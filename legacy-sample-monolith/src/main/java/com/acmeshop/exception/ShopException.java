package com.acmeshop.exception;

import org.springframework.http.HttpStatus;

/**
 * Base of every business error; the status is what the API answers with.
 */
public class ShopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    public ShopException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus getStatus() {
        return status;
    }
}
