package com.acmeshop.repository;

import com.acmeshop.model.ShippingRate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShippingRateRepository extends JpaRepository<ShippingRate, Long> {

    List<ShippingRate> findByZoneOrderByMaxWeightGramsAsc(String zone);
}
