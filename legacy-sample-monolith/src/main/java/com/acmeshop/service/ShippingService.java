package com.acmeshop.service;

import com.acmeshop.common.ShopConstants;
import com.acmeshop.dto.ShipmentDto;
import com.acmeshop.dto.ShipmentRequest;
import com.acmeshop.dto.ShippingQuoteDto;
import com.acmeshop.dto.TrackingEventRequest;
import com.acmeshop.exception.BadRequestException;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.CustomerOrder;
import com.acmeshop.model.OrderStatus;
import com.acmeshop.model.Shipment;
import com.acmeshop.model.ShipmentStatus;
import com.acmeshop.model.ShippingRate;
import com.acmeshop.model.TrackingEvent;
import com.acmeshop.repository.OrderRepository;
import com.acmeshop.repository.ShipmentRepository;
import com.acmeshop.repository.ShippingRateRepository;
import com.acmeshop.util.DtoMapper;
import com.acmeshop.util.TrackingNumberGenerator;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipping zones and rates, shipments and their tracking events.
 */
@Service
public class ShippingService {

    static final String DOMESTIC = "DOMESTIC";
    static final String NEIGHBOR = "NEIGHBOR";
    static final String INTERNATIONAL = "INTERNATIONAL";
    private static final Set<String> NEIGHBORS = Set.of("CA", "MX");

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> NEXT = Map.of(
            ShipmentStatus.LABEL_CREATED, EnumSet.of(ShipmentStatus.IN_TRANSIT),
            ShipmentStatus.IN_TRANSIT, EnumSet.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY,
                    ShipmentStatus.DELIVERED, ShipmentStatus.RETURNED),
            ShipmentStatus.OUT_FOR_DELIVERY, EnumSet.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED,
                    ShipmentStatus.RETURNED),
            ShipmentStatus.DELIVERED, EnumSet.noneOf(ShipmentStatus.class),
            ShipmentStatus.RETURNED, EnumSet.noneOf(ShipmentStatus.class));

    private final ShippingRateRepository rateRepository;
    private final ShipmentRepository shipmentRepository;
    private final OrderRepository orderRepository;
    private final NotificationService notificationService;

    public ShippingService(ShippingRateRepository rateRepository, ShipmentRepository shipmentRepository,
            OrderRepository orderRepository, NotificationService notificationService) {
        this.rateRepository = rateRepository;
        this.shipmentRepository = shipmentRepository;
        this.orderRepository = orderRepository;
        this.notificationService = notificationService;
    }

    public String zoneFor(String country) {
        if (country == null || !country.matches("[A-Za-z]{2}")) {
            throw new BadRequestException("country must be a two-letter ISO code like US, but was '" + country + "'");
        }
        String c = country.toUpperCase(Locale.ROOT);
        if (ShopConstants.SHOP_COUNTRY.equals(c)) {
            return DOMESTIC;
        }
        return NEIGHBORS.contains(c) ? NEIGHBOR : INTERNATIONAL;
    }

    @Transactional(readOnly = true)
    public BigDecimal priceFor(String zone, int weightGrams) {
        if (weightGrams < 1) {
            throw new BadRequestException("weightGrams must be at least 1, but was " + weightGrams);
        }
        List<ShippingRate> rates = rateRepository.findByZoneOrderByMaxWeightGramsAsc(zone);
        return rates.stream()
                .filter(r -> r.getMaxWeightGrams() >= weightGrams)
                .findFirst()
                .map(ShippingRate::getPrice)
                .orElseThrow(() -> new ConflictException("parcel of " + weightGrams + " g is heavier than the "
                        + rates.get(rates.size() - 1).getMaxWeightGrams() + " g we ship to zone " + zone
                        + "; split the order"));
    }

    @Transactional(readOnly = true)
    public ShippingQuoteDto quote(String country, int weightGrams) {
        String zone = zoneFor(country);
        return new ShippingQuoteDto(country.toUpperCase(Locale.ROOT), zone, weightGrams, priceFor(zone, weightGrams));
    }

    @Transactional
    public ShipmentDto ship(Long orderId, ShipmentRequest request) {
        CustomerOrder order = orderRepository.findById(orderId)
                .orElseThrow(() -> new NotFoundException("order " + orderId + " does not exist"));
        if (order.getStatus() != OrderStatus.PAID) {
            throw new ConflictException("order " + orderId + " is " + order.getStatus()
                    + "; only PAID orders can be shipped");
        }
        if (shipmentRepository.findByOrderId(orderId).isPresent()) {
            throw new ConflictException("order " + orderId + " already has a shipment");
        }
        String carrier = request == null || request.carrier() == null || request.carrier().isBlank()
                ? ShopConstants.DEFAULT_CARRIER : request.carrier().trim().toUpperCase(Locale.ROOT);
        int weight = order.getLines().stream().mapToInt(l -> l.getProduct().getWeightGrams() * l.getQuantity()).sum();
        Shipment shipment = new Shipment();
        shipment.setOrder(order);
        shipment.setCarrier(carrier);
        shipment.setTrackingNumber(TrackingNumberGenerator.nextTrackingNumber(carrier));
        shipment.setZone(zoneFor(order.getShippingAddress().getCountry()));
        shipment.setWeightGrams(weight);
        shipment.setStatus(ShipmentStatus.LABEL_CREATED);
        shipment.setCreatedAt(LocalDateTime.now());
        addEvent(shipment, ShipmentStatus.LABEL_CREATED, "AcmeShop warehouse, Reno NV");
        shipmentRepository.save(shipment);

        order.setStatus(OrderStatus.SHIPPED);
        order.setUpdatedAt(LocalDateTime.now());
        notificationService.enqueue(order.getCustomer(), "ORDER_SHIPPED",
                "Your order " + order.getOrderNumber() + " is on its way",
                "Carrier " + carrier + ", tracking number " + shipment.getTrackingNumber() + ".");
        return DtoMapper.toDto(shipment);
    }

    @Transactional(readOnly = true)
    public ShipmentDto getShipment(Long id) {
        return DtoMapper.toDto(requireShipment(id));
    }

    @Transactional(readOnly = true)
    public ShipmentDto track(String trackingNumber) {
        return shipmentRepository.findByTrackingNumber(trackingNumber.trim().toUpperCase(Locale.ROOT))
                .map(DtoMapper::toDto)
                .orElseThrow(() -> new NotFoundException("no shipment with tracking number " + trackingNumber));
    }

    @Transactional
    public ShipmentDto recordEvent(Long shipmentId, TrackingEventRequest request) {
        Shipment shipment = requireShipment(shipmentId);
        ShipmentStatus next = parseStatus(request.status());
        if (!NEXT.get(shipment.getStatus()).contains(next)) {
            throw new ConflictException("shipment " + shipmentId + " cannot go from " + shipment.getStatus()
                    + " to " + next + "; allowed next: " + NEXT.get(shipment.getStatus()));
        }
        shipment.setStatus(next);
        addEvent(shipment, next, request.location());
        CustomerOrder order = shipment.getOrder();
        if (next == ShipmentStatus.DELIVERED) {
            order.setStatus(OrderStatus.DELIVERED);
            order.setUpdatedAt(LocalDateTime.now());
            notificationService.enqueue(order.getCustomer(), "ORDER_DELIVERED",
                    "Your order " + order.getOrderNumber() + " was delivered",
                    "Delivered" + (request.location() == null ? "" : " at " + request.location()) + ". Enjoy!");
        }
        return DtoMapper.toDto(shipment);
    }

    private static void addEvent(Shipment shipment, ShipmentStatus status, String location) {
        TrackingEvent event = new TrackingEvent();
        event.setShipment(shipment);
        event.setStatus(status);
        event.setLocation(location);
        event.setOccurredAt(LocalDateTime.now());
        shipment.getEvents().add(event);
    }

    private static ShipmentStatus parseStatus(String status) {
        try {
            return ShipmentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of " + Arrays.toString(ShipmentStatus.values())
                    + ", but was '" + status + "'");
        }
    }

    private Shipment requireShipment(Long id) {
        return shipmentRepository.findById(id)
                .orElseThrow(() -> new NotFoundException("shipment " + id + " does not exist"));
    }
}
