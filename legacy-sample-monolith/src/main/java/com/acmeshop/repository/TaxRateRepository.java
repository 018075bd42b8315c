package com.acmeshop.repository;

import com.acmeshop.model.TaxRate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaxRateRepository extends JpaRepository<TaxRate, Long> {

    List<TaxRate> findByCountry(String country);
}
