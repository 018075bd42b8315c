package com.acmeshop.controller;

import com.acmeshop.dto.CartDto;
import com.acmeshop.dto.CartItemRequest;
import com.acmeshop.dto.QuantityRequest;
import com.acmeshop.service.CartService;
import com.acmeshop.util.SessionUtils;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart of the logged-in customer (session), or of ?customerId= for the old mobile app.
 */
@RestController
@RequestMapping("/api/cart")
public class CartController {

    private final CartService cartService;

    public CartController(CartService cartService) {
        this.cartService = cartService;
    }

    @GetMapping
    public CartDto get(@RequestParam(required = false) Long customerId, HttpSession session) {
        return cartService.getCart(SessionUtils.requireCustomerId(session, customerId));
    }

    @PostMapping("/items")
    public CartDto add(@RequestParam(required = false) Long customerId, @Valid @RequestBody CartItemRequest request,
            HttpSession session) {
        return cartService.addItem(SessionUtils.requireCustomerId(session, customerId), request.productId(),
                request.quantity());
    }

    @PutMapping("/items/{productId}")
    public CartDto update(@PathVariable Long productId, @RequestParam(required = false) Long customerId,
            @Valid @RequestBody QuantityRequest request, HttpSession session) {
        return cartService.updateQuantity(SessionUtils.requireCustomerId(session, customerId), productId,
                request.quantity());
    }

    @DeleteMapping("/items/{productId}")
    public CartDto remove(@PathVariable Long productId, @RequestParam(required = false) Long customerId,
            HttpSession session) {
        return cartService.removeItem(SessionUtils.requireCustomerId(session, customerId), productId);
    }

    @DeleteMapping
    public CartDto clear(@RequestParam(required = false) Long customerId, HttpSession session) {
        return cartService.clear(SessionUtils.requireCustomerId(session, customerId));
    }
}
