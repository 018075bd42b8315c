package shop.cart;

import java.util.HashMap;
import java.util.Map;

public class CartService {
    private final Map<Long, Cart> carts = new HashMap<>();

    public Cart find(long id) {
        return carts.computeIfAbsent(id, Cart::new);
    }

    public Cart add(long id, String sku) {
        Cart cart = find(id);
        cart.add(sku);
        return cart;
    }
}
