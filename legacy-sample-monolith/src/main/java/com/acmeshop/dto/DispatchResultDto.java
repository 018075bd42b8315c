package com.acmeshop.dto;

/** Result of one outbox dispatch run. */
public record DispatchResultDto(
        int sent,
        int failed,
        int pending) {
}
