package com.acmeshop.dto;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A tracking event. */
public record TrackingEventDto(
        String status,
        String location,
        LocalDateTime occurredAt) {
}
