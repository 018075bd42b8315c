package com.acmeshop.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Hand-written SQL for the back office. Reads every area's tables directly.
 */
@Repository
public class ReportingDao {

    private static final String COUNTED_STATUSES = "('PAID','SHIPPED','DELIVERED')";

    private final JdbcTemplate jdbcTemplate;

    public ReportingDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<Map<String, Object>> salesByDay(LocalDate from, LocalDate to) {
        return jdbcTemplate.queryForList(
                "select cast(o.created_at as date) as sales_date, count(*) as order_count, sum(o.total) as revenue "
                        + "from customer_order o where o.status in " + COUNTED_STATUSES
                        + " and o.created_at >= ? and o.created_at < ? group by cast(o.created_at as date) order by sales_date",
                Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
    }

    public List<Map<String, Object>> topProducts(int limit) {
        return jdbcTemplate.queryForList(
                "select p.id as product_id, p.sku, p.name, sum(l.quantity) as units_sold, sum(l.line_total) as revenue "
                        + "from order_line l join customer_order o on o.id = l.order_id join product p on p.id = l.product_id "
                        + "where o.status in " + COUNTED_STATUSES + " group by p.id, p.sku, p.name "
                        + "order by units_sold desc, p.id fetch first " + limit + " rows only");
    }

    public List<Map<String, Object>> revenueByCategory() {
        return jdbcTemplate.queryForList(
                "select c.slug as category, coalesce(sum(l.line_total), 0) as revenue, coalesce(sum(l.quantity), 0) as units_sold "
                        + "from category c left join product p on p.category_id = c.id "
                        + "left join order_line l on l.product_id = p.id "
                        + "and exists (select 1 from customer_order o where o.id = l.order_id and o.status in " + COUNTED_STATUSES + ") "
                        + "group by c.slug order by c.slug");
    }

    public Map<String, Object> dailyTotals(LocalDate day) {
        return jdbcTemplate.queryForMap(
                "select count(distinct o.id) as order_count, coalesce(sum(l.quantity), 0) as items_sold, "
                        + "(select coalesce(sum(o2.total), 0) from customer_order o2 where o2.status in " + COUNTED_STATUSES
                        + " and o2.created_at >= ? and o2.created_at < ?) as revenue "
                        + "from customer_order o left join order_line l on l.order_id = o.id "
                        + "where o.status in " + COUNTED_STATUSES + " and o.created_at >= ? and o.created_at < ?",
                Timestamp.valueOf(day.atStartOfDay()), Timestamp.valueOf(day.plusDays(1).atStartOfDay()),
                Timestamp.valueOf(day.atStartOfDay()), Timestamp.valueOf(day.plusDays(1).atStartOfDay()));
    }

    public void replaceSnapshot(LocalDate day, int orderCount, int itemsSold, BigDecimal revenue) {
        jdbcTemplate.update("delete from sales_snapshot where snapshot_date = ?", Date.valueOf(day));
        jdbcTemplate.update(
                "insert into sales_snapshot (snapshot_date, order_count, items_sold, revenue, created_at) values (?, ?, ?, ?, ?)",
                Date.valueOf(day), orderCount, itemsSold, revenue, Timestamp.valueOf(LocalDateTime.now()));
    }

    public List<Map<String, Object>> snapshots() {
        return jdbcTemplate.queryForList(
                "select snapshot_date, order_count, items_sold, revenue from sales_snapshot order by snapshot_date desc");
    }
}
