package com.acmeshop.job;

import com.acmeshop.dto.DispatchResultDto;
import com.acmeshop.service.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails waiting in the outbox table.
 */
@Component
public class OutboxDispatchJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatchJob.class);

    private final NotificationService notificationService;

    public OutboxDispatchJob(NotificationService notificationService) {
        this.notificationService = notificationService;
    }

    @Scheduled(initialDelayString = "${acmeshop.outbox.dispatch-interval-ms:30000}",
            fixedDelayString = "${acmeshop.outbox.dispatch-interval-ms:30000}")
    public void dispatch() {
        DispatchResultDto result = notificationService.dispatchPending();
        if (result.sent() + result.failed() > 0) {
            log.info("Outbox dispatch: {} sent, {} failed, {} still pending", result.sent(), result.failed(),
                    result.pending());
        }
    }
}
