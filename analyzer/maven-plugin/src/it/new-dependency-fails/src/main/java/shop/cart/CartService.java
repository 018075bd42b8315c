package shop.cart;

import shop.orders.Order;
import shop.orders.OrderService;

import java.util.HashMap;
import java.util.Map;

public class CartService {
    private final Map<Long, Cart> carts = new HashMap<>();
    private final OrderService orders = new OrderService();

    public Cart find(long id) {
        return carts.computeIfAbsent(id, Cart::new);
    }

    public Cart add(long id, String sku) {
        Cart cart = find(id);
        cart.add(sku);
        return cart;
    }

    public Order checkout(long id) {
        return orders.place(String.join(",", find(id).skus()));
    }
}
