package com.acmeshop.repository;

import com.acmeshop.model.StockItem;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StockItemRepository extends JpaRepository<StockItem, Long> {

    @Query("select s from StockItem s join fetch s.product where s.product.id = :productId")
    Optional<StockItem> findByProductId(Long productId);

    @Query(value = "select s.* from stock_item s where s.quantity_on_hand - s.quantity_reserved <= s.reorder_level order by s.product_id",
            nativeQuery = true)
    List<StockItem> findBelowReorderLevel();
}
