package com.acmeshop.repository;

import com.acmeshop.model.Product;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProductRepository extends JpaRepository<Product, Long> {

    @Query("select p from Product p join fetch p.category where p.active = true order by p.id")
    List<Product> findAllActiveWithCategory();

    Optional<Product> findBySku(String sku);

    // Native full-text-ish search written in 2016, never replaced.
    @Query(value = "select p.* from product p where p.active = true and (lower(p.name) like lower(concat('%', :q, '%')) "
            + "or lower(p.description) like lower(concat('%', :q, '%')) or lower(p.sku) = lower(:q)) order by p.name",
            nativeQuery = true)
    List<Product> searchNative(@Param("q") String q);
}
