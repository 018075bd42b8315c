package com.acmeshop.service;

import com.acmeshop.config.ShopProperties;
import com.acmeshop.dto.QuoteDto;
import com.acmeshop.model.Address;
import com.acmeshop.model.CartItem;
import com.acmeshop.util.MoneyUtils;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Prices a cart: subtotal, coupon discount, shipping (free above a threshold at home), tax on the discounted goods.
 */
@Service
public class PricingService {

    private final CouponService couponService;
    private final TaxService taxService;
    private final ShippingService shippingService;
    private final ShopProperties properties;

    public PricingService(CouponService couponService, TaxService taxService, ShippingService shippingService,
            ShopProperties properties) {
        this.couponService = couponService;
        this.taxService = taxService;
        this.shippingService = shippingService;
        this.properties = properties;
    }

    public QuoteDto quote(List<CartItem> items, Address destination, String couponCode) {
        BigDecimal subtotal = items.stream()
                .map(i -> MoneyUtils.times(i.getProduct().getPrice(), i.getQuantity()))
                .reduce(MoneyUtils.ZERO, BigDecimal::add);
        int weight = items.stream().mapToInt(i -> i.getProduct().getWeightGrams() * i.getQuantity()).sum();
        String code = couponCode == null || couponCode.isBlank() ? null : couponCode.trim().toUpperCase(java.util.Locale.ROOT);
        BigDecimal discount = code == null ? MoneyUtils.ZERO : couponService.discountFor(code, subtotal);
        BigDecimal goods = subtotal.subtract(discount);

        String zone = shippingService.zoneFor(destination.getCountry());
        BigDecimal shipping = shippingService.priceFor(zone, weight);
        if (ShippingService.DOMESTIC.equals(zone) && goods.compareTo(properties.getFreeShippingThreshold()) >= 0) {
            shipping = MoneyUtils.ZERO;
        }
        BigDecimal rate = taxService.rateFor(destination);
        BigDecimal tax = MoneyUtils.applyRate(goods, rate);
        BigDecimal total = MoneyUtils.round(goods.add(shipping).add(tax));
        return new QuoteDto(subtotal, discount, shipping, tax, total, rate, zone, weight, code);
    }
}
