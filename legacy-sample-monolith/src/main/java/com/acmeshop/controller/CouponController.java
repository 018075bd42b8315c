package com.acmeshop.controller;

import com.acmeshop.dto.CouponDto;
import com.acmeshop.service.CouponService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/coupons")
public class CouponController {

    private final CouponService couponService;

    public CouponController(CouponService couponService) {
        this.couponService = couponService;
    }

    @GetMapping("/{code}")
    public CouponDto get(@PathVariable String code) {
        return couponService.describe(code);
    }
}
