package com.acmeshop.controller;

import com.acmeshop.dto.AddressDto;
import com.acmeshop.dto.AddressRequest;
import com.acmeshop.dto.CustomerDto;
import com.acmeshop.dto.LoginRequest;
import com.acmeshop.dto.RegisterRequest;
import com.acmeshop.model.Customer;
import com.acmeshop.service.CustomerService;
import com.acmeshop.util.DtoMapper;
import com.acmeshop.util.SessionUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
public class CustomerController {

    private final CustomerService customerService;

    public CustomerController(CustomerService customerService) {
        this.customerService = customerService;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CustomerDto register(@Valid @RequestBody RegisterRequest request) {
        return customerService.register(request);
    }

    @PostMapping("/login")
    public CustomerDto login(@Valid @RequestBody LoginRequest request, HttpServletRequest httpRequest) {
        Customer customer = customerService.authenticate(request);
        HttpSession old = httpRequest.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        SessionUtils.login(httpRequest.getSession(true), customer.getId(), customer.getEmail());
        return DtoMapper.toDto(customer);
    }

    @PostMapping("/logout")
    public Map<String, Object> logout(HttpServletRequest httpRequest) {
        HttpSession session = httpRequest.getSession(false);
        boolean wasLoggedIn = SessionUtils.currentCustomerId(session) != null;
        if (session != null) {
            session.invalidate();
        }
        return Map.of("loggedOut", wasLoggedIn);
    }

    @GetMapping("/me")
    public CustomerDto me(HttpSession session) {
        return customerService.getCustomer(SessionUtils.requireCustomerId(session, null));
    }

    @GetMapping("/{id}")
    public CustomerDto get(@PathVariable Long id) {
        return customerService.getCustomer(id);
    }

    @GetMapping("/{id}/addresses")
    public List<AddressDto> addresses(@PathVariable Long id) {
        return customerService.addresses(id);
    }

    @PostMapping("/{id}/addresses")
    @ResponseStatus(HttpStatus.CREATED)
    public AddressDto addAddress(@PathVariable Long id, @Valid @RequestBody AddressRequest request) {
        return customerService.addAddress(id, request);
    }
}
