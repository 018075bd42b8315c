package com.acmeshop.service;

import com.acmeshop.common.ShopConstants;
import com.acmeshop.dto.DispatchResultDto;
import com.acmeshop.dto.NotificationDto;
import com.acmeshop.exception.BadRequestException;
import com.acmeshop.model.Customer;
import com.acmeshop.model.OutboxMessage;
import com.acmeshop.repository.OutboxRepository;
import com.acmeshop.util.DtoMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails go into the outbox table in the same transaction as the business change; a job sends them later.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final Set<String> STATUSES = Set.of(ShopConstants.OUTBOX_PENDING, ShopConstants.OUTBOX_SENT,
            ShopConstants.OUTBOX_FAILED);

    private final OutboxRepository outboxRepository;

    public NotificationService(OutboxRepository outboxRepository) {
        this.outboxRepository = outboxRepository;
    }

    @Transactional
    public OutboxMessage enqueue(Customer customer, String type, String subject, String body) {
        OutboxMessage message = new OutboxMessage();
        message.setCustomer(customer);
        message.setRecipient(customer.getEmail());
        message.setType(type);
        message.setSubject(subject);
        message.setBody(body);
        message.setStatus(ShopConstants.OUTBOX_PENDING);
        message.setAttempts(0);
        message.setCreatedAt(LocalDateTime.now());
        return outboxRepository.save(message);
    }

    @Transactional(readOnly = true)
    public List<NotificationDto> list(Long customerId, String status) {
        List<OutboxMessage> messages;
        if (customerId != null) {
            messages = outboxRepository.findByCustomerIdOrderByIdAsc(customerId);
        } else if (status != null) {
            messages = outboxRepository.findByStatusOrderByIdAsc(requireStatus(status));
        } else {
            messages = outboxRepository.findAll();
        }
        String wanted = status == null ? null : requireStatus(status);
        return messages.stream().filter(m -> wanted == null || wanted.equals(m.getStatus())).map(DtoMapper::toDto).toList();
    }

    /** Simulated SMTP: addresses at example.invalid bounce; a message fails for good after a few attempts. */
    @Transactional
    public DispatchResultDto dispatchPending() {
        int sent = 0;
        int failed = 0;
        for (OutboxMessage m : outboxRepository.findByStatusOrderByIdAsc(ShopConstants.OUTBOX_PENDING)) {
            m.setAttempts(m.getAttempts() + 1);
            if (m.getRecipient().endsWith(".invalid")) {
                if (m.getAttempts() >= ShopConstants.OUTBOX_MAX_ATTEMPTS) {
                    m.setStatus(ShopConstants.OUTBOX_FAILED);
                    log.warn("Giving up on e-mail {} to {} after {} attempts", m.getId(), m.getRecipient(), m.getAttempts());
                }
                failed++;
                continue;
            }
            log.info("SMTP> to={} subject=\"{}\"", m.getRecipient(), m.getSubject());
            m.setStatus(ShopConstants.OUTBOX_SENT);
            m.setSentAt(LocalDateTime.now());
            sent++;
        }
        int pending = outboxRepository.findByStatusOrderByIdAsc(ShopConstants.OUTBOX_PENDING).size();
        return new DispatchResultDto(sent, failed, pending);
    }

    private static String requireStatus(String status) {
        String s = status.trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new BadRequestException("status must be one of " + STATUSES + ", but was '" + status + "'");
        }
        return s;
    }
}
