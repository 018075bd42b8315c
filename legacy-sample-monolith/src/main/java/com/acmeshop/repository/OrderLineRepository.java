package com.acmeshop.repository;

import com.acmeshop.model.OrderLine;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderLineRepository extends JpaRepository<OrderLine, Long> {

    // Used by reviews to flag a verified purchase.
    @Query("select count(l) > 0 from OrderLine l where l.product.id = :productId and l.order.customer.id = :customerId "
            + "and l.order.status in (com.acmeshop.model.OrderStatus.PAID, com.acmeshop.model.OrderStatus.SHIPPED, "
            + "com.acmeshop.model.OrderStatus.DELIVERED)")
    boolean hasBought(@Param("customerId") Long customerId, @Param("productId") Long productId);
}
