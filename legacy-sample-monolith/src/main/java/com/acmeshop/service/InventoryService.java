package com.acmeshop.service;

import com.acmeshop.dto.ReservationDto;
import com.acmeshop.dto.StockLevelDto;
import com.acmeshop.dto.StockUpdateRequest;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.CustomerOrder;
import com.acmeshop.model.Product;
import com.acmeshop.model.ReservationStatus;
import com.acmeshop.model.StockItem;
import com.acmeshop.model.StockReservation;
import com.acmeshop.repository.StockItemRepository;
import com.acmeshop.repository.StockReservationRepository;
import com.acmeshop.util.DtoMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock levels and reservations: checkout holds stock, payment commits it, cancellation releases it.
 */
@Service
public class InventoryService {

    private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

    private final StockItemRepository stockItemRepository;
    private final StockReservationRepository reservationRepository;

    public InventoryService(StockItemRepository stockItemRepository, StockReservationRepository reservationRepository) {
        this.stockItemRepository = stockItemRepository;
        this.reservationRepository = reservationRepository;
    }

    @Transactional(readOnly = true)
    public StockLevelDto getStock(Long productId) {
        return DtoMapper.toDto(requireStock(productId));
    }

    @Transactional
    public StockLevelDto updateStock(Long productId, StockUpdateRequest request) {
        StockItem stock = requireStock(productId);
        if (request.quantityOnHand() < stock.getQuantityReserved()) {
            throw new ConflictException("quantityOnHand must be at least the reserved quantity "
                    + stock.getQuantityReserved() + " of product " + productId + ", but was " + request.quantityOnHand());
        }
        stock.setQuantityOnHand(request.quantityOnHand());
        if (request.reorderLevel() != null) {
            stock.setReorderLevel(request.reorderLevel());
        }
        stock.setUpdatedAt(LocalDateTime.now());
        return DtoMapper.toDto(stock);
    }

    @Transactional(readOnly = true)
    public List<StockLevelDto> lowStock() {
        return stockItemRepository.findBelowReorderLevel().stream().map(DtoMapper::toDto).toList();
    }

    @Transactional(readOnly = true)
    public List<ReservationDto> reservationsOf(Long productId) {
        requireStock(productId);
        return reservationRepository.findByProductIdOrderByIdDesc(productId).stream().map(DtoMapper::toDto).toList();
    }

    @Transactional(readOnly = true)
    public int available(Long productId) {
        StockItem stock = requireStock(productId);
        return stock.getQuantityOnHand() - stock.getQuantityReserved();
    }

    /** Holds stock for an order; fails when not enough is available. */
    @Transactional
    public StockReservation reserve(CustomerOrder order, Product product, int quantity) {
        StockItem stock = requireStock(product.getId());
        int available = stock.getQuantityOnHand() - stock.getQuantityReserved();
        if (available < quantity) {
            throw new ConflictException("only " + available + " of product " + product.getSku()
                    + " available, but " + quantity + " were ordered");
        }
        stock.setQuantityReserved(stock.getQuantityReserved() + quantity);
        stock.setUpdatedAt(LocalDateTime.now());
        StockReservation reservation = new StockReservation();
        reservation.setProduct(product);
        reservation.setOrder(order);
        reservation.setQuantity(quantity);
        reservation.setStatus(ReservationStatus.HELD);
        reservation.setCreatedAt(LocalDateTime.now());
        return reservationRepository.save(reservation);
    }

    /** Payment went through: the held stock leaves the warehouse. */
    @Transactional
    public void commitReservations(Long orderId) {
        for (StockReservation r : reservationRepository.findByOrderIdAndStatus(orderId, ReservationStatus.HELD)) {
            StockItem stock = requireStock(r.getProduct().getId());
            stock.setQuantityReserved(stock.getQuantityReserved() - r.getQuantity());
            stock.setQuantityOnHand(stock.getQuantityOnHand() - r.getQuantity());
            stock.setUpdatedAt(LocalDateTime.now());
            r.setStatus(ReservationStatus.COMMITTED);
        }
    }

    /** Order cancelled: held stock becomes available again, committed stock goes back on the shelf. */
    @Transactional
    public void releaseReservations(Long orderId) {
        for (ReservationStatus status : List.of(ReservationStatus.HELD, ReservationStatus.COMMITTED)) {
            for (StockReservation r : reservationRepository.findByOrderIdAndStatus(orderId, status)) {
                StockItem stock = requireStock(r.getProduct().getId());
                if (status == ReservationStatus.HELD) {
                    stock.setQuantityReserved(stock.getQuantityReserved() - r.getQuantity());
                } else {
                    stock.setQuantityOnHand(stock.getQuantityOnHand() + r.getQuantity());
                }
                stock.setUpdatedAt(LocalDateTime.now());
                r.setStatus(ReservationStatus.RELEASED);
            }
        }
        log.info("Released stock reservations of order {}", orderId);
    }

    private StockItem requireStock(Long productId) {
        return stockItemRepository.findByProductId(productId)
                .orElseThrow(() -> new NotFoundException("no stock record for product " + productId));
    }
}
