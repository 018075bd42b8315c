package com.acmeshop.exception;

import org.springframework.http.HttpStatus;

/** A requested record does not exist. */
public class NotFoundException extends ShopException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
