package com.acmeshop.service;

import com.acmeshop.exception.BadRequestException;
import com.acmeshop.repository.ReportingDao;
import com.acmeshop.util.DateUtils;
import com.acmeshop.util.MoneyUtils;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-office reports over the whole database.
 */
@Service
public class ReportingService {

    private static final Logger log = LoggerFactory.getLogger(ReportingService.class);

    private final ReportingDao reportingDao;

    public ReportingService(ReportingDao reportingDao) {
        this.reportingDao = reportingDao;
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> salesByDay(String from, String to) {
        LocalDate end = DateUtils.parseOrDefault("to", to, LocalDate.now());
        LocalDate start = DateUtils.parseOrDefault("from", from, end.minusDays(30));
        DateUtils.requireOrder(start, end);
        return lowerCaseKeys(reportingDao.salesByDay(start, end));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> topProducts(int limit) {
        if (limit < 1 || limit > 50) {
            throw new BadRequestException("limit must be between 1 and 50, but was " + limit);
        }
        return lowerCaseKeys(reportingDao.topProducts(limit));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> revenueByCategory() {
        return lowerCaseKeys(reportingDao.revenueByCategory());
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> snapshots() {
        return lowerCaseKeys(reportingDao.snapshots());
    }

    /** Writes (or rewrites) the sales snapshot of one day. */
    @Transactional
    public Map<String, Object> snapshot(LocalDate day) {
        Map<String, Object> totals = reportingDao.dailyTotals(day);
        int orders = ((Number) totals.get("order_count")).intValue();
        int items = ((Number) totals.get("items_sold")).intValue();
        BigDecimal revenue = MoneyUtils.round(new BigDecimal(totals.get("revenue").toString()));
        reportingDao.replaceSnapshot(day, orders, items, revenue);
        log.info("Sales snapshot {}: {} orders, {} items, revenue {}", day, orders, items, revenue);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("snapshot_date", day);
        result.put("order_count", orders);
        result.put("items_sold", items);
        result.put("revenue", revenue);
        return result;
    }

    // JDBC drivers hand back java.sql types; the API speaks ISO dates.
    private static Object plain(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return value;
    }

    private static List<Map<String, Object>> lowerCaseKeys(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), plain(v)));
            return copy;
        }).toList();
    }
}
