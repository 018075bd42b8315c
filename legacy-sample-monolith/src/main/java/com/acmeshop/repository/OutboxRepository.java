package com.acmeshop.repository;

import com.acmeshop.model.OutboxMessage;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByStatusOrderByIdAsc(String status);

    List<OutboxMessage> findByCustomerIdOrderByIdAsc(Long customerId);
}
