package com.acmeshop.controller;

import com.acmeshop.dto.RatingSummaryDto;
import com.acmeshop.dto.ReviewDto;
import com.acmeshop.dto.ReviewRequest;
import com.acmeshop.service.ReviewService;
import com.acmeshop.util.SessionUtils;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products/{productId}")
public class ReviewController {

    private final ReviewService reviewService;

    public ReviewController(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @GetMapping("/reviews")
    public List<ReviewDto> reviews(@PathVariable Long productId) {
        return reviewService.reviewsOf(productId);
    }

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    public ReviewDto add(@PathVariable Long productId, @Valid @RequestBody ReviewRequest request, HttpSession session) {
        return reviewService.addReview(productId, SessionUtils.requireCustomerId(session, request.customerId()), request);
    }

    @GetMapping("/rating")
    public RatingSummaryDto rating(@PathVariable Long productId) {
        return reviewService.rating(productId);
    }
}
