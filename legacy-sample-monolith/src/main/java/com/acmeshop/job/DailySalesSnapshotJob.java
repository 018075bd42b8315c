package com.acmeshop.job;

import com.acmeshop.service.ReportingService;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night: yesterday's sales into the sales_snapshot table, for the back-office dashboard.
 */
@Component
public class DailySalesSnapshotJob {

    private final ReportingService reportingService;

    public DailySalesSnapshotJob(ReportingService reportingService) {
        this.reportingService = reportingService;
    }

    @Scheduled(cron = "${acmeshop.reporting.snapshot-cron:0 5 0 * * *}")
    public void snapshotYesterday() {
        reportingService.snapshot(LocalDate.now().minusDays(1));
    }
}
