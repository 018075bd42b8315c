package com.acmeshop.service;

import com.acmeshop.model.Address;
import com.acmeshop.model.TaxRate;
import com.acmeshop.repository.TaxRateRepository;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Sales tax by destination: a region's rate if there is one, else the country's, else none (export).
 */
@Service
public class TaxService {

    private final TaxRateRepository taxRateRepository;

    public TaxService(TaxRateRepository taxRateRepository) {
        this.taxRateRepository = taxRateRepository;
    }

    public BigDecimal rateFor(Address address) {
        List<TaxRate> rates = taxRateRepository.findByCountry(address.getCountry());
        return rates.stream()
                .filter(r -> r.getRegion() != null && r.getRegion().equalsIgnoreCase(address.getRegion()))
                .findFirst()
                .or(() -> rates.stream().filter(r -> r.getRegion() == null).findFirst())
                .map(TaxRate::getRate)
                .orElse(BigDecimal.ZERO);
    }
}
