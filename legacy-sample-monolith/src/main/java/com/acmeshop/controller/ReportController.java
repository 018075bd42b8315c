package com.acmeshop.controller;

import com.acmeshop.service.ReportingService;
import com.acmeshop.util.DateUtils;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/reports")
public class ReportController {

    private final ReportingService reportingService;

    public ReportController(ReportingService reportingService) {
        this.reportingService = reportingService;
    }

    @GetMapping("/sales")
    public List<Map<String, Object>> sales(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return reportingService.salesByDay(from, to);
    }

    @GetMapping("/top-products")
    public List<Map<String, Object>> topProducts(@RequestParam(defaultValue = "5") int limit) {
        return reportingService.topProducts(limit);
    }

    @GetMapping("/revenue-by-category")
    public List<Map<String, Object>> revenueByCategory() {
        return reportingService.revenueByCategory();
    }

    @GetMapping("/daily-snapshots")
    public List<Map<String, Object>> snapshots() {
        return reportingService.snapshots();
    }

    @PostMapping("/daily-snapshots")
    public Map<String, Object> takeSnapshot(@RequestParam(required = false) String date) {
        return reportingService.snapshot(DateUtils.parseOrDefault("date", date, LocalDate.now().minusDays(1)));
    }
}
