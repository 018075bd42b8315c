package com.acmeshop.controller;

import com.acmeshop.dto.CheckoutRequest;
import com.acmeshop.dto.OrderDto;
import com.acmeshop.dto.QuoteDto;
import com.acmeshop.service.OrderService;
import com.acmeshop.util.SessionUtils;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderService orderService;

    public OrderController(OrderService orderService) {
        this.orderService = orderService;
    }

    /** Checkout: turns the cart into an order waiting for payment. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public OrderDto checkout(@RequestBody(required = false) CheckoutRequest request, HttpSession session) {
        CheckoutRequest body = request == null ? new CheckoutRequest(null, null, null) : request;
        return orderService.checkout(SessionUtils.requireCustomerId(session, body.customerId()), body);
    }

    @PostMapping("/quote")
    public QuoteDto quote(@RequestBody(required = false) CheckoutRequest request, HttpSession session) {
        CheckoutRequest body = request == null ? new CheckoutRequest(null, null, null) : request;
        return orderService.quote(SessionUtils.requireCustomerId(session, body.customerId()), body);
    }

    @GetMapping("/{id}")
    public OrderDto get(@PathVariable Long id) {
        return orderService.getOrder(id);
    }

    @GetMapping
    public List<OrderDto> list(@RequestParam(required = false) Long customerId, HttpSession session) {
        return orderService.ordersOf(SessionUtils.requireCustomerId(session, customerId));
    }

    @PostMapping("/{id}/cancel")
    public OrderDto cancel(@PathVariable Long id) {
        return orderService.cancel(id);
    }
}
