package com.acmeshop.service;

import com.acmeshop.config.ShopProperties;
import com.acmeshop.dto.CheckoutRequest;
import com.acmeshop.dto.OrderDto;
import com.acmeshop.dto.QuoteDto;
import com.acmeshop.exception.BadRequestException;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.Address;
import com.acmeshop.model.Cart;
import com.acmeshop.model.CartItem;
import com.acmeshop.model.Customer;
import com.acmeshop.model.CustomerOrder;
import com.acmeshop.model.OrderLine;
import com.acmeshop.model.OrderStatus;
import com.acmeshop.model.Payment;
import com.acmeshop.model.PaymentStatus;
import com.acmeshop.model.Product;
import com.acmeshop.repository.AddressRepository;
import com.acmeshop.repository.CartRepository;
import com.acmeshop.repository.CouponRepository;
import com.acmeshop.repository.CustomerRepository;
import com.acmeshop.repository.OrderRepository;
import com.acmeshop.repository.PaymentRepository;
import com.acmeshop.util.DtoMapper;
import com.acmeshop.util.MoneyUtils;
import com.acmeshop.util.TrackingNumberGenerator;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout and the order lifecycle. Grew to touch customers, carts, stock, coupons, payments and e-mail.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orderRepository;
    private final CustomerRepository customerRepository;
    private final AddressRepository addressRepository;
    private final CartRepository cartRepository;
    private final CouponRepository couponRepository;
    private final PaymentRepository paymentRepository;
    private final InventoryService inventoryService;
    private final PricingService pricingService;
    private final NotificationService notificationService;
    private final ShopProperties properties;

    public OrderService(OrderRepository orderRepository, CustomerRepository customerRepository,
            AddressRepository addressRepository, CartRepository cartRepository, CouponRepository couponRepository,
            PaymentRepository paymentRepository, InventoryService inventoryService, PricingService pricingService,
            NotificationService notificationService, ShopProperties properties) {
        this.orderRepository = orderRepository;
        this.customerRepository = customerRepository;
        this.addressRepository = addressRepository;
        this.cartRepository = cartRepository;
        this.couponRepository = couponRepository;
        this.paymentRepository = paymentRepository;
        this.inventoryService = inventoryService;
        this.pricingService = pricingService;
        this.notificationService = notificationService;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public QuoteDto quote(Long customerId, CheckoutRequest request) {
        Customer customer = requireCustomer(customerId);
        Cart cart = requireFilledCart(customer);
        return pricingService.quote(cart.getItems(), shippingAddress(customer, request.addressId()), request.couponCode());
    }

    @Transactional
    public OrderDto checkout(Long customerId, CheckoutRequest request) {
        Customer customer = requireCustomer(customerId);
        Cart cart = requireFilledCart(customer);
        Address address = shippingAddress(customer, request.addressId());
        for (CartItem item : cart.getItems()) {
            if (!item.getProduct().isActive()) {
                throw new ConflictException("product " + item.getProduct().getSku()
                        + " is no longer sold; remove it from the cart");
            }
        }
        QuoteDto quote = pricingService.quote(cart.getItems(), address, request.couponCode());

        CustomerOrder order = new CustomerOrder();
        order.setOrderNumber(TrackingNumberGenerator.nextOrderNumber());
        order.setCustomer(customer);
        order.setShippingAddress(address);
        order.setStatus(OrderStatus.PENDING_PAYMENT);
        order.setSubtotal(quote.subtotal());
        order.setDiscount(quote.discount());
        order.setShippingCost(quote.shippingCost());
        order.setTax(quote.tax());
        order.setTotal(quote.total());
        order.setCouponCode(quote.couponCode());
        order.setCreatedAt(LocalDateTime.now());
        order.setUpdatedAt(order.getCreatedAt());
        for (CartItem item : cart.getItems()) {
            Product product = item.getProduct();
            OrderLine line = new OrderLine();
            line.setOrder(order);
            line.setProduct(product);
            line.setProductName(product.getName());
            line.setUnitPrice(product.getPrice());
            line.setQuantity(item.getQuantity());
            line.setLineTotal(MoneyUtils.times(product.getPrice(), item.getQuantity()));
            order.getLines().add(line);
        }
        orderRepository.save(order);
        for (OrderLine line : order.getLines()) {
            inventoryService.reserve(order, line.getProduct(), line.getQuantity());
        }
        if (quote.couponCode() != null) {
            couponRepository.findByCodeIgnoreCase(quote.couponCode()).ifPresent(c -> c.setTimesUsed(c.getTimesUsed() + 1));
        }
        cart.getItems().clear();
        cart.setUpdatedAt(LocalDateTime.now());

        notificationService.enqueue(customer, "ORDER_PLACED", "Thank you for your order " + order.getOrderNumber(),
                "We received your order of " + order.getLines().size() + " item(s), total " + order.getTotal()
                        + " USD. Please complete the payment.");
        log.info("Order {} placed by customer {}: total {}", order.getOrderNumber(), customer.getId(), order.getTotal());
        return DtoMapper.toDto(order);
    }

    @Transactional(readOnly = true)
    public OrderDto getOrder(Long id) {
        return DtoMapper.toDto(requireOrder(id));
    }

    @Transactional(readOnly = true)
    public List<OrderDto> ordersOf(Long customerId) {
        requireCustomer(customerId);
        return orderRepository.findByCustomerIdOrderByIdDesc(customerId).stream().map(DtoMapper::toDto).toList();
    }

    @Transactional(readOnly = true)
    public List<OrderDto> ordersWithStatus(String status) {
        if (status == null || status.isBlank()) {
            return orderRepository.findAll().stream().map(DtoMapper::toDto).toList();
        }
        OrderStatus wanted;
        try {
            wanted = OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of " + java.util.Arrays.toString(OrderStatus.values())
                    + ", but was '" + status + "'");
        }
        return orderRepository.findAll().stream().filter(o -> o.getStatus() == wanted).map(DtoMapper::toDto).toList();
    }

    /** Cancels an unshipped order: releases stock, refunds a captured payment, takes back loyalty points. */
    @Transactional
    public OrderDto cancel(Long orderId) {
        CustomerOrder order = requireOrder(orderId);
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT && order.getStatus() != OrderStatus.PAID) {
            throw new ConflictException("order " + orderId + " is " + order.getStatus()
                    + "; only PENDING_PAYMENT or PAID orders can be cancelled");
        }
        if (order.getStatus() == OrderStatus.PAID) {
            for (Payment p : paymentRepository.findByOrderIdAndStatus(orderId, PaymentStatus.CAPTURED)) {
                p.setStatus(PaymentStatus.REFUNDED);
            }
            Customer customer = order.getCustomer();
            int points = order.getTotal().intValue() * properties.getLoyaltyPointsPerDollar();
            customer.setLoyaltyPoints(Math.max(0, customer.getLoyaltyPoints() - points));
        }
        inventoryService.releaseReservations(orderId);
        order.setStatus(OrderStatus.CANCELLED);
        order.setUpdatedAt(LocalDateTime.now());
        notificationService.enqueue(order.getCustomer(), "ORDER_CANCELLED", "Order " + order.getOrderNumber() + " cancelled",
                "Your order was cancelled. Any payment will be refunded within 5 business days.");
        return DtoMapper.toDto(order);
    }

    private Address shippingAddress(Customer customer, Long addressId) {
        List<Address> addresses = addressRepository.findByCustomerIdOrderById(customer.getId());
        if (addressId != null) {
            return addresses.stream().filter(a -> a.getId().equals(addressId)).findFirst()
                    .orElseThrow(() -> new BadRequestException("addressId " + addressId
                            + " is not an address of customer " + customer.getId()));
        }
        return addresses.stream().filter(Address::isDefaultAddress).findFirst()
                .or(() -> addresses.stream().findFirst())
                .orElseThrow(() -> new ConflictException("customer " + customer.getId()
                        + " has no address; add one with POST /api/customers/" + customer.getId() + "/addresses"));
    }

    private Cart requireFilledCart(Customer customer) {
        Cart cart = cartRepository.findByCustomerId(customer.getId()).orElse(null);
        if (cart == null || cart.getItems().isEmpty()) {
            throw new ConflictException("the cart of customer " + customer.getId()
                    + " is empty; add items with POST /api/cart/items");
        }
        return cart;
    }

    private Customer requireCustomer(Long id) {
        return customerRepository.findById(id)
                .orElseThrow(() -> new NotFoundException("customer " + id + " does not exist"));
    }

    CustomerOrder requireOrder(Long id) {
        return orderRepository.findById(id).orElseThrow(() -> new NotFoundException("order " + id + " does not exist"));
    }
}
