package com.acmeshop.service;

import com.acmeshop.dto.CouponDto;
import com.acmeshop.exception.BadRequestException;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.Coupon;
import com.acmeshop.model.DiscountType;
import com.acmeshop.repository.CouponRepository;
import com.acmeshop.util.MoneyUtils;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon rules: validity window, minimum order amount, usage limit.
 */
@Service
public class CouponService {

    private final CouponRepository couponRepository;

    public CouponService(CouponRepository couponRepository) {
        this.couponRepository = couponRepository;
    }

    @Transactional(readOnly = true)
    public CouponDto describe(String code) {
        Coupon coupon = couponRepository.findByCodeIgnoreCase(code.trim())
                .orElseThrow(() -> new NotFoundException("coupon '" + code + "' does not exist"));
        String reason = whyUnusable(coupon, LocalDate.now());
        return new CouponDto(coupon.getCode(), coupon.getDiscountType().name(), coupon.getDiscountValue(),
                coupon.getMinOrderAmount(), coupon.getValidUntil(), reason == null, reason);
    }

    /** The discount a coupon gives on a subtotal; fails with the reason when it cannot be used. */
    @Transactional(readOnly = true)
    public BigDecimal discountFor(String code, BigDecimal subtotal) {
        Optional<Coupon> found = couponRepository.findByCodeIgnoreCase(code.trim());
        if (found.isEmpty()) {
            throw new BadRequestException("couponCode '" + code + "' does not exist");
        }
        Coupon coupon = found.get();
        String reason = whyUnusable(coupon, LocalDate.now());
        if (reason != null) {
            throw new ConflictException("coupon " + coupon.getCode() + " cannot be used: " + reason);
        }
        if (subtotal.compareTo(coupon.getMinOrderAmount()) < 0) {
            throw new ConflictException("coupon " + coupon.getCode() + " needs an order of at least "
                    + coupon.getMinOrderAmount() + ", but the subtotal is " + subtotal);
        }
        BigDecimal discount = coupon.getDiscountType() == DiscountType.PERCENT
                ? MoneyUtils.percentOf(subtotal, coupon.getDiscountValue())
                : MoneyUtils.round(coupon.getDiscountValue());
        return MoneyUtils.min(discount, subtotal);
    }

    @Transactional
    public void markUsed(String code) {
        couponRepository.findByCodeIgnoreCase(code.trim()).ifPresent(c -> c.setTimesUsed(c.getTimesUsed() + 1));
    }

    static String whyUnusable(Coupon coupon, LocalDate today) {
        if (!coupon.isActive()) {
            return "it was deactivated";
        }
        if (today.isBefore(coupon.getValidFrom())) {
            return "it is valid from " + coupon.getValidFrom();
        }
        if (today.isAfter(coupon.getValidUntil())) {
            return "it expired on " + coupon.getValidUntil();
        }
        if (coupon.getMaxUses() != null && coupon.getTimesUsed() >= coupon.getMaxUses()) {
            return "it was already used " + coupon.getTimesUsed() + " of " + coupon.getMaxUses() + " times";
        }
        return null;
    }
}
