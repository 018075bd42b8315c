package shop.cart;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CartController {
    private final CartService carts;

    public CartController(CartService carts) {
        this.carts = carts;
    }

    @GetMapping("/carts/{id}")
    public Cart show(@PathVariable long id) {
        return carts.find(id);
    }

    @PostMapping("/carts/{id}/lines")
    public Cart add(@PathVariable long id, String sku) {
        return carts.add(id, sku);
    }
}
