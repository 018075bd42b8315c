package com.acmeshop.dto;

import jakarta.validation.constraints.*;

/** A new tracking event from the carrier. */
public record TrackingEventRequest(
        @NotBlank(message = "must not be blank") String status,
        String location) {
}
