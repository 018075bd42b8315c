package com.acmeshop.dto;

import java.util.List;

/** A shipment with its tracking history. */
public record ShipmentDto(
        Long id,
        Long orderId,
        String orderNumber,
        String trackingNumber,
        String carrier,
        String zone,
        int weightGrams,
        String status,
        List<TrackingEventDto> events) {
}
