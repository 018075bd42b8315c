package com.acmeshop.repository;

import com.acmeshop.model.ReservationStatus;
import com.acmeshop.model.StockReservation;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StockReservationRepository extends JpaRepository<StockReservation, Long> {

    List<StockReservation> findByOrderIdAndStatus(Long orderId, ReservationStatus status);

    List<StockReservation> findByProductIdOrderByIdDesc(Long productId);
}
