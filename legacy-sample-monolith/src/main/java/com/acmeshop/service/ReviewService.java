package com.acmeshop.service;

import com.acmeshop.dto.RatingSummaryDto;
import com.acmeshop.dto.ReviewDto;
import com.acmeshop.dto.ReviewRequest;
import com.acmeshop.exception.ConflictException;
import com.acmeshop.exception.NotFoundException;
import com.acmeshop.model.Customer;
import com.acmeshop.model.Product;
import com.acmeshop.model.Review;
import com.acmeshop.repository.CustomerRepository;
import com.acmeshop.repository.OrderLineRepository;
import com.acmeshop.repository.ProductRepository;
import com.acmeshop.repository.ReviewRepository;
import com.acmeshop.util.DtoMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product reviews (one per customer and product) and the rating shown on the product page.
 */
@Service
public class ReviewService {

    private final ReviewRepository reviewRepository;
    private final ProductRepository productRepository;
    private final CustomerRepository customerRepository;
    private final OrderLineRepository orderLineRepository;

    public ReviewService(ReviewRepository reviewRepository, ProductRepository productRepository,
            CustomerRepository customerRepository, OrderLineRepository orderLineRepository) {
        this.reviewRepository = reviewRepository;
        this.productRepository = productRepository;
        this.customerRepository = customerRepository;
        this.orderLineRepository = orderLineRepository;
    }

    @Transactional(readOnly = true)
    public List<ReviewDto> reviewsOf(Long productId) {
        requireProduct(productId);
        return reviewRepository.findByProductIdOrderByIdDesc(productId).stream().map(DtoMapper::toDto).toList();
    }

    @Transactional
    public ReviewDto addReview(Long productId, Long customerId, ReviewRequest request) {
        Product product = requireProduct(productId);
        Customer customer = customerRepository.findById(customerId)
                .orElseThrow(() -> new NotFoundException("customer " + customerId + " does not exist"));
        if (reviewRepository.existsByProductIdAndCustomerId(productId, customerId)) {
            throw new ConflictException("customer " + customerId + " already reviewed product " + productId);
        }
        Review review = new Review();
        review.setProduct(product);
        review.setCustomer(customer);
        review.setRating(request.rating());
        review.setTitle(request.title().trim());
        review.setBody(request.body());
        review.setVerifiedPurchase(orderLineRepository.hasBought(customerId, productId));
        review.setCreatedAt(LocalDateTime.now());
        return DtoMapper.toDto(reviewRepository.save(review));
    }

    @Transactional(readOnly = true)
    public RatingSummaryDto rating(Long productId) {
        requireProduct(productId);
        List<Review> reviews = reviewRepository.findByProductIdOrderByIdDesc(productId);
        Map<Integer, Long> histogram = new LinkedHashMap<>();
        for (int stars = 5; stars >= 1; stars--) {
            histogram.put(stars, 0L);
        }
        int sum = 0;
        for (Review r : reviews) {
            histogram.merge(r.getRating(), 1L, Long::sum);
            sum += r.getRating();
        }
        BigDecimal average = reviews.isEmpty() ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviews.size()), 1, RoundingMode.HALF_UP);
        return new RatingSummaryDto(productId, average, reviews.size(), histogram);
    }

    private Product requireProduct(Long productId) {
        return productRepository.findById(productId)
                .orElseThrow(() -> new NotFoundException("product " + productId + " does not exist"));
    }
}
