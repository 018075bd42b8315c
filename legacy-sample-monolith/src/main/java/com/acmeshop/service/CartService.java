package com.acmeshop.service;

import com.acmeshop.dto.CartDto;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.Cart;
import com.acmeshop.model.CartItem;
import com.acmeshop.model.Customer;
import com.acmeshop.model.Product;
import com.acmeshop.repository.CartRepository;
import com.acmeshop.repository.CustomerRepository;
import com.acmeshop.repository.ProductRepository;
import com.acmeshop.util.DtoMapper;
import com.acmeshop.util.ValidationUtils;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shopping cart, stored per customer in the database.
 */
@Service
public class CartService {

    static final int MAX_LINE_QUANTITY = 99;

    private final CartRepository cartRepository;
    private final CustomerRepository customerRepository;
    private final ProductRepository productRepository;
    private final InventoryService inventoryService;

    public CartService(CartRepository cartRepository, CustomerRepository customerRepository,
            ProductRepository productRepository, InventoryService inventoryService) {
        this.cartRepository = cartRepository;
        this.customerRepository = customerRepository;
        this.productRepository = productRepository;
        this.inventoryService = inventoryService;
    }

    @Transactional(readOnly = true)
    public CartDto getCart(Long customerId) {
        requireCustomer(customerId);
        return DtoMapper.toDto(customerId, cartRepository.findByCustomerId(customerId).orElse(null));
    }

    @Transactional
    public CartDto addItem(Long customerId, Long productId, int quantity) {
        Cart cart = cartFor(customerId);
        Product product = productRepository.findById(productId)
                .filter(Product::isActive)
                .orElseThrow(() -> new NotFoundException("product " + productId + " does not exist"));
        Optional<CartItem> existing = cart.getItems().stream()
                .filter(i -> i.getProduct().getId().equals(productId)).findFirst();
        int newQuantity = quantity + existing.map(CartItem::getQuantity).orElse(0);
        ValidationUtils.requireRange("quantity", newQuantity, 1, MAX_LINE_QUANTITY);
        checkAvailable(product, newQuantity);
        if (existing.isPresent()) {
            existing.get().setQuantity(newQuantity);
        } else {
            CartItem item = new CartItem();
            item.setCart(cart);
            item.setProduct(product);
            item.setQuantity(quantity);
            item.setAddedAt(LocalDateTime.now());
            cart.getItems().add(item);
        }
        cart.setUpdatedAt(LocalDateTime.now());
        cartRepository.save(cart);
        return DtoMapper.toDto(customerId, cart);
    }

    @Transactional
    public CartDto updateQuantity(Long customerId, Long productId, int quantity) {
        Cart cart = cartFor(customerId);
        CartItem item = requireLine(cart, productId);
        checkAvailable(item.getProduct(), quantity);
        item.setQuantity(quantity);
        cart.setUpdatedAt(LocalDateTime.now());
        return DtoMapper.toDto(customerId, cart);
    }

    @Transactional
    public CartDto removeItem(Long customerId, Long productId) {
        Cart cart = cartFor(customerId);
        cart.getItems().remove(requireLine(cart, productId));
        cart.setUpdatedAt(LocalDateTime.now());
        return DtoMapper.toDto(customerId, cart);
    }

    @Transactional
    public CartDto clear(Long customerId) {
        Cart cart = cartFor(customerId);
        cart.getItems().clear();
        cart.setUpdatedAt(LocalDateTime.now());
        return DtoMapper.toDto(customerId, cart);
    }

    private void checkAvailable(Product product, int quantity) {
        int available = inventoryService.available(product.getId());
        if (available < quantity) {
            throw new ConflictException("only " + available + " of product " + product.getSku()
                    + " in stock, but the cart would hold " + quantity);
        }
    }

    private CartItem requireLine(Cart cart, Long productId) {
        return cart.getItems().stream().filter(i -> i.getProduct().getId().equals(productId)).findFirst()
                .orElseThrow(() -> new NotFoundException("product " + productId + " is not in the cart"));
    }

    private Cart cartFor(Long customerId) {
        Customer customer = requireCustomer(customerId);
        return cartRepository.findByCustomerId(customerId).orElseGet(() -> {
            Cart cart = new Cart();
            cart.setCustomer(customer);
            cart.setUpdatedAt(LocalDateTime.now());
            return cartRepository.save(cart);
        });
    }

    private Customer requireCustomer(Long customerId) {
        return customerRepository.findById(customerId)
                .orElseThrow(() -> new NotFoundException("customer " + customerId + " does not exist"));
    }
}
