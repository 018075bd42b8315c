package com.acmeshop.controller;

import com.acmeshop.dto.PaymentDto;
import com.acmeshop.dto.PaymentRequest;
import com.acmeshop.service.PaymentService;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

    private final PaymentService paymentService;

    public PaymentController(PaymentService paymentService) {
        this.paymentService = paymentService;
    }

    @PostMapping("/api/orders/{orderId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    public PaymentDto pay(@PathVariable Long orderId, @Valid @RequestBody PaymentRequest request) {
        return paymentService.pay(orderId, request);
    }

    @GetMapping("/api/payments/{id}")
    public PaymentDto get(@PathVariable Long id) {
        return paymentService.getPayment(id);
    }

    @PostMapping("/api/payments/{id}/refund")
    public PaymentDto refund(@PathVariable Long id) {
        return paymentService.refund(id);
    }
}
