package shop.orders;

import java.util.HashMap;
import java.util.Map;

public class OrderService {
    private final Map<Long, Order> orders = new HashMap<>();

    public Order find(long id) {
        return orders.get(id);
    }

    public Order place(String sku) {
        Order order = new Order(orders.size() + 1, sku);
        orders.put(order.id(), order);
        return order;
    }
}
