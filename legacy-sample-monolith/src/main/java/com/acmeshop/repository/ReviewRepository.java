package com.acmeshop.repository;

import com.acmeshop.model.Review;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRepository extends JpaRepository<Review, Long> {

    List<Review> findByProductIdOrderByIdDesc(Long productId);

    boolean existsByProductIdAndCustomerId(Long productId, Long customerId);
}
