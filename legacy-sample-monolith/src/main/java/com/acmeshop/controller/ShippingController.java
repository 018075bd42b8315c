package com.acmeshop.controller;

import com.acmeshop.dto.ShipmentDto;
import com.acmeshop.dto.ShipmentRequest;
import com.acmeshop.dto.ShippingQuoteDto;
import com.acmeshop.dto.TrackingEventRequest;
import com.acmeshop.service.ShippingService;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ShippingController {

    private final ShippingService shippingService;

    public ShippingController(ShippingService shippingService) {
        this.shippingService = shippingService;
    }

    @GetMapping("/api/shipping/rates")
    public ShippingQuoteDto rates(@RequestParam String country, @RequestParam int weightGrams) {
        return shippingService.quote(country, weightGrams);
    }

    @PostMapping("/api/orders/{orderId}/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    public ShipmentDto ship(@PathVariable Long orderId, @RequestBody(required = false) ShipmentRequest request) {
        return shippingService.ship(orderId, request);
    }

    @GetMapping("/api/shipments/{id}")
    public ShipmentDto get(@PathVariable Long id) {
        return shippingService.getShipment(id);
    }

    @GetMapping("/api/shipments/track/{trackingNumber}")
    public ShipmentDto track(@PathVariable String trackingNumber) {
        return shippingService.track(trackingNumber);
    }

    @PostMapping("/api/shipments/{id}/events")
    public ShipmentDto event(@PathVariable Long id, @Valid @RequestBody TrackingEventRequest request) {
        return shippingService.recordEvent(id, request);
    }
}
