package com.acmeshop.service;

import com.acmeshop.dto.AddressDto;
import com.acmeshop.dto.AddressRequest;
import com.acmeshop.dto.CustomerDto;
import com.acmeshop.dto.LoginRequest;
import com.acmeshop.dto.RegisterRequest;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.exception.UnauthorizedException;
import com.acmeshop.model.Address;
import com.acmeshop.model.Customer;
import com.acmeshop.repository.AddressRepository;
import com.acmeshop.repository.CustomerRepository;
import com.acmeshop.util.DtoMapper;
import com.acmeshop.util.PasswordUtils;
import com.acmeshop.util.ValidationUtils;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts and their addresses.
 */
@Service
public class CustomerService {

    private final CustomerRepository customerRepository;
    private final AddressRepository addressRepository;
    private final NotificationService notificationService;

    public CustomerService(CustomerRepository customerRepository, AddressRepository addressRepository,
            NotificationService notificationService) {
        this.customerRepository = customerRepository;
        this.addressRepository = addressRepository;
        this.notificationService = notificationService;
    }

    @Transactional
    public CustomerDto register(RegisterRequest request) {
        String email = ValidationUtils.normalizeEmail(request.email());
        if (customerRepository.existsByEmailIgnoreCase(email)) {
            throw new ConflictException("email " + email + " is already registered; log in instead");
        }
        Customer customer = new Customer();
        customer.setEmail(email);
        customer.setPasswordHash(PasswordUtils.hash(request.password()));
        customer.setFirstName(request.firstName().trim());
        customer.setLastName(request.lastName().trim());
        customer.setLoyaltyPoints(0);
        customer.setCreatedAt(LocalDateTime.now());
        customerRepository.save(customer);
        notificationService.enqueue(customer, "WELCOME", "Welcome to AcmeShop, " + customer.getFirstName(),
                "Hello " + customer.getFirstName() + ",\n\nyour AcmeShop account " + email + " is ready.");
        return DtoMapper.toDto(customer);
    }

    @Transactional(readOnly = true)
    public Customer authenticate(LoginRequest request) {
        Customer customer = customerRepository.findByEmailIgnoreCase(request.email().trim())
                .orElseThrow(() -> new UnauthorizedException("wrong e-mail or password"));
        if (!PasswordUtils.matches(request.password(), customer.getPasswordHash())) {
            throw new UnauthorizedException("wrong e-mail or password");
        }
        return customer;
    }

    @Transactional(readOnly = true)
    public CustomerDto getCustomer(Long id) {
        return DtoMapper.toDto(requireCustomer(id));
    }

    @Transactional(readOnly = true)
    public List<AddressDto> addresses(Long customerId) {
        requireCustomer(customerId);
        return addressRepository.findByCustomerIdOrderById(customerId).stream().map(DtoMapper::toDto).toList();
    }

    @Transactional
    public AddressDto addAddress(Long customerId, AddressRequest request) {
        Customer customer = requireCustomer(customerId);
        List<Address> existing = addressRepository.findByCustomerIdOrderById(customerId);
        boolean makeDefault = Boolean.TRUE.equals(request.defaultAddress()) || existing.isEmpty();
        if (makeDefault) {
            existing.forEach(a -> a.setDefaultAddress(false));
        }
        Address address = new Address();
        address.setCustomer(customer);
        address.setLine1(request.line1().trim());
        address.setLine2(request.line2());
        address.setCity(request.city().trim());
        address.setRegion(request.region() == null ? null : request.region().trim().toUpperCase(java.util.Locale.ROOT));
        address.setPostalCode(request.postalCode().trim());
        address.setCountry(request.country());
        address.setDefaultAddress(makeDefault);
        return DtoMapper.toDto(addressRepository.save(address));
    }

    public Customer requireCustomer(Long id) {
        return customerRepository.findById(id)
                .orElseThrow(() -> new NotFoundException("customer " + id + " does not exist"));
    }
}
