package com.acmeshop.util;

import com.acmeshop.dto.AddressDto;
import com.acmeshop.dto.CartDto;
import com.acmeshop.dto.CartLineDto;
import com.acmeshop.dto.CategoryDto;
import com.acmeshop.dto.CustomerDto;
import com.acmeshop.dto.NotificationDto;
import com.acmeshop.dto.OrderDto;
import com.acmeshop.dto.OrderLineDto;
import com.acmeshop.dto.PaymentDto;
import com.acmeshop.dto.ProductDto;
import com.acmeshop.dto.ReservationDto;
import com.acmeshop.dto.ReviewDto;
import com.acmeshop.dto.ShipmentDto;
import com.acmeshop.dto.StockLevelDto;
import com.acmeshop.dto.TrackingEventDto;
import com.acmeshop.model.Address;
import com.acmeshop.model.Cart;
import com.acmeshop.model.CartItem;
import com.acmeshop.model.Category;
import com.acmeshop.model.Customer;
import com.acmeshop.model.CustomerOrder;
import com.acmeshop.model.OutboxMessage;
import com.acmeshop.model.Payment;
import com.acmeshop.model.Product;
import com.acmeshop.model.Review;
import com.acmeshop.model.Shipment;
import com.acmeshop.model.StockItem;
import com.acmeshop.model.StockReservation;
import java.math.BigDecimal;
import java.util.List;

/**
 * Entity to DTO mapping for the whole shop, in one place "so that it stays consistent".
 */
public final class DtoMapper {

    private DtoMapper() {
    }

    public static ProductDto toDto(Product p) {
        Category c = p.getCategory();
        return new ProductDto(p.getId(), p.getSku(), p.getName(), p.getDescription(), p.getPrice(), p.getWeightGrams(),
                c.getSlug(), c.getName());
    }

    public static CategoryDto toDto(Category c) {
        return new CategoryDto(c.getId(), c.getSlug(), c.getName(), c.getDescription());
    }

    public static StockLevelDto toDto(StockItem s) {
        int available = s.getQuantityOnHand() - s.getQuantityReserved();
        return new StockLevelDto(s.getProduct().getId(), s.getProduct().getSku(), s.getQuantityOnHand(),
                s.getQuantityReserved(), available, s.getReorderLevel(), available <= s.getReorderLevel());
    }

    public static ReservationDto toDto(StockReservation r) {
        return new ReservationDto(r.getId(), r.getProduct().getId(), r.getOrder().getId(), r.getQuantity(),
                r.getStatus().name(), r.getCreatedAt());
    }

    public static CustomerDto toDto(Customer c) {
        return new CustomerDto(c.getId(), c.getEmail(), c.getFirstName(), c.getLastName(), c.getLoyaltyPoints(),
                c.getCreatedAt());
    }

    public static AddressDto toDto(Address a) {
        return new AddressDto(a.getId(), a.getLine1(), a.getLine2(), a.getCity(), a.getRegion(), a.getPostalCode(),
                a.getCountry(), a.isDefaultAddress());
    }

    public static CartDto toDto(Long customerId, Cart cart) {
        List<CartLineDto> lines = cart == null ? List.of() : cart.getItems().stream().map(DtoMapper::toLine).toList();
        BigDecimal subtotal = lines.stream().map(CartLineDto::lineTotal).reduce(MoneyUtils.ZERO, BigDecimal::add);
        int count = lines.stream().mapToInt(CartLineDto::quantity).sum();
        return new CartDto(customerId, lines, count, subtotal);
    }

    private static CartLineDto toLine(CartItem i) {
        Product p = i.getProduct();
        return new CartLineDto(p.getId(), p.getSku(), p.getName(), p.getPrice(), i.getQuantity(),
                MoneyUtils.times(p.getPrice(), i.getQuantity()));
    }

    public static OrderDto toDto(CustomerOrder o) {
        List<OrderLineDto> lines = o.getLines().stream()
                .map(l -> new OrderLineDto(l.getProduct().getId(), l.getProductName(), l.getUnitPrice(), l.getQuantity(),
                        l.getLineTotal()))
                .toList();
        return new OrderDto(o.getId(), o.getOrderNumber(), o.getCustomer().getId(), o.getShippingAddress().getId(),
                o.getStatus().name(), lines, o.getSubtotal(), o.getDiscount(), o.getShippingCost(), o.getTax(),
                o.getTotal(), o.getCouponCode(), o.getCreatedAt());
    }

    public static PaymentDto toDto(Payment p) {
        return new PaymentDto(p.getId(), p.getOrder().getId(), p.getAmount(), p.getStatus().name(), p.getCardLast4(),
                p.getProviderReference(), p.getFailureReason(), p.getCreatedAt());
    }

    public static ShipmentDto toDto(Shipment s) {
        List<TrackingEventDto> events = s.getEvents().stream()
                .map(e -> new TrackingEventDto(e.getStatus().name(), e.getLocation(), e.getOccurredAt()))
                .toList();
        return new ShipmentDto(s.getId(), s.getOrder().getId(), s.getOrder().getOrderNumber(), s.getTrackingNumber(),
                s.getCarrier(), s.getZone(), s.getWeightGrams(), s.getStatus().name(), events);
    }

    public static NotificationDto toDto(OutboxMessage m) {
        return new NotificationDto(m.getId(), m.getCustomer() == null ? null : m.getCustomer().getId(), m.getRecipient(),
                m.getType(), m.getSubject(), m.getBody(), m.getStatus(), m.getAttempts(), m.getCreatedAt(), m.getSentAt());
    }

    public static ReviewDto toDto(Review r) {
        Customer c = r.getCustomer();
        String author = c.getFirstName() + " " + c.getLastName().charAt(0) + ".";
        return new ReviewDto(r.getId(), r.getProduct().getId(), c.getId(), author, r.getRating(), r.getTitle(), r.getBody(),
                r.isVerifiedPurchase(), r.getCreatedAt());
    }
}
