package com.acmeshop.dto;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An e-mail in the outbox. */
public record NotificationDto(
        Long id,
        Long customerId,
        String recipient,
        String type,
        String subject,
        String body,
        String status,
        int attempts,
        LocalDateTime createdAt,
        LocalDateTime sentAt) {
}
