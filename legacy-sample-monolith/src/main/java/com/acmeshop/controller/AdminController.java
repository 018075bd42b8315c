package com.acmeshop.controller;

import com.acmeshop.dto.OrderDto;
import com.acmeshop.dto.PriceUpdateRequest;
import com.acmeshop.dto.ProductCreateRequest;
import com.acmeshop.dto.ProductDto;
import com.acmeshop.service.BackOfficeService;
import com.acmeshop.service.OrderService;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private final BackOfficeService backOfficeService;
    private final OrderService orderService;

    public AdminController(BackOfficeService backOfficeService, OrderService orderService) {
        this.backOfficeService = backOfficeService;
        this.orderService = orderService;
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    public ProductDto createProduct(@Valid @RequestBody ProductCreateRequest request) {
        return backOfficeService.createProduct(request);
    }

    @PutMapping("/products/{id}/price")
    public ProductDto changePrice(@PathVariable Long id, @Valid @RequestBody PriceUpdateRequest request) {
        return backOfficeService.changePrice(id, request.price());
    }

    @GetMapping("/orders")
    public List<OrderDto> orders(@RequestParam(required = false) String status) {
        return orderService.ordersWithStatus(status);
    }

    @PostMapping("/orders/expire")
    public Map<String, Object> expireUnpaid(@RequestParam(defaultValue = "48") int olderThanHours) {
        return backOfficeService.cancelStaleOrders(olderThanHours);
    }
}
