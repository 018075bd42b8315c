package com.acmeshop.service;

import com.acmeshop.config.ShopProperties;
import com.acmeshop.dto.PaymentDto;
import com.acmeshop.dto.PaymentRequest;
import com.acmeshop.exception.BadRequestException;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.exception.PaymentDeclinedException;
import com.acmeshop.model.Customer;
import com.acmeshop.model.CustomerOrder;
import com.acmeshop.model.OrderStatus;
import com.acmeshop.model.Payment;
import com.acmeshop.model.PaymentStatus;
import com.acmeshop.repository.OrderRepository;
import com.acmeshop.repository.PaymentRepository;
import com.acmeshop.util.CardUtils;
import com.acmeshop.util.DtoMapper;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Card payments through the simulated provider; a captured payment commits the order's stock.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository paymentRepository;
    private final OrderRepository orderRepository;
    private final SimulatedPaymentProvider provider;
    private final InventoryService inventoryService;
    private final NotificationService notificationService;
    private final ShopProperties properties;

    public PaymentService(PaymentRepository paymentRepository, OrderRepository orderRepository,
            SimulatedPaymentProvider provider, InventoryService inventoryService,
            NotificationService notificationService, ShopProperties properties) {
        this.paymentRepository = paymentRepository;
        this.orderRepository = orderRepository;
        this.provider = provider;
        this.inventoryService = inventoryService;
        this.notificationService = notificationService;
        this.properties = properties;
    }

    // A declined card is recorded, so the exception must not roll the attempt back.
    @Transactional(noRollbackFor = PaymentDeclinedException.class)
    public PaymentDto pay(Long orderId, PaymentRequest request) {
        CustomerOrder order = orderRepository.findById(orderId)
                .orElseThrow(() -> new NotFoundException("order " + orderId + " does not exist"));
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            throw new ConflictException("order " + orderId + " is " + order.getStatus()
                    + "; only PENDING_PAYMENT orders can be paid");
        }
        if (!CardUtils.passesLuhn(request.cardNumber())) {
            throw new BadRequestException("cardNumber is not a valid card number, but was "
                    + CardUtils.mask(request.cardNumber()));
        }
        if (CardUtils.isExpired(request.expiry(), YearMonth.now())) {
            throw new BadRequestException("expiry must not be in the past, but was " + request.expiry());
        }
        ChargeResult result =
                provider.charge(CardUtils.digitsOnly(request.cardNumber()), order.getTotal(), order.getOrderNumber());

        Payment payment = new Payment();
        payment.setOrder(order);
        payment.setAmount(order.getTotal());
        payment.setCardLast4(CardUtils.last4(request.cardNumber()));
        payment.setCreatedAt(LocalDateTime.now());
        if (!result.approved()) {
            payment.setStatus(PaymentStatus.DECLINED);
            payment.setFailureReason(result.declineReason());
            paymentRepository.save(payment);
            log.info("Payment for order {} declined: {}", order.getOrderNumber(), result.declineReason());
            throw new PaymentDeclinedException("payment for order " + orderId + " declined: " + result.declineReason()
                    + "; try another card");
        }
        payment.setStatus(PaymentStatus.CAPTURED);
        payment.setProviderReference(result.reference());
        paymentRepository.save(payment);

        order.setStatus(OrderStatus.PAID);
        order.setUpdatedAt(LocalDateTime.now());
        inventoryService.commitReservations(orderId);
        Customer customer = order.getCustomer();
        customer.setLoyaltyPoints(customer.getLoyaltyPoints()
                + order.getTotal().intValue() * properties.getLoyaltyPointsPerDollar());
        notificationService.enqueue(customer, "PAYMENT_RECEIVED", "Payment received for order " + order.getOrderNumber(),
                "We received " + order.getTotal() + " USD from card " + CardUtils.mask(request.cardNumber())
                        + ". We will ship your order soon.");
        return DtoMapper.toDto(payment);
    }

    @Transactional(readOnly = true)
    public PaymentDto getPayment(Long id) {
        return DtoMapper.toDto(requirePayment(id));
    }

    @Transactional
    public PaymentDto refund(Long paymentId) {
        Payment payment = requirePayment(paymentId);
        if (payment.getStatus() != PaymentStatus.CAPTURED) {
            throw new ConflictException("payment " + paymentId + " is " + payment.getStatus()
                    + "; only CAPTURED payments can be refunded");
        }
        CustomerOrder order = payment.getOrder();
        if (order.getStatus() != OrderStatus.PAID) {
            throw new ConflictException("order " + order.getId() + " is " + order.getStatus()
                    + "; refund before shipping only, returns go through customer service");
        }
        payment.setStatus(PaymentStatus.REFUNDED);
        payment.setProviderReference(provider.refund(payment.getProviderReference()));
        order.setStatus(OrderStatus.CANCELLED);
        order.setUpdatedAt(LocalDateTime.now());
        inventoryService.releaseReservations(order.getId());
        Customer customer = order.getCustomer();
        customer.setLoyaltyPoints(Math.max(0, customer.getLoyaltyPoints()
                - order.getTotal().intValue() * properties.getLoyaltyPointsPerDollar()));
        notificationService.enqueue(customer, "PAYMENT_REFUNDED", "Refund for order " + order.getOrderNumber(),
                "We refunded " + payment.getAmount() + " USD to card ending in " + payment.getCardLast4() + ".");
        return DtoMapper.toDto(payment);
    }

    private Payment requirePayment(Long id) {
        return paymentRepository.findById(id)
                .orElseThrow(() -> new NotFoundException("payment " + id + " does not exist"));
    }
}
