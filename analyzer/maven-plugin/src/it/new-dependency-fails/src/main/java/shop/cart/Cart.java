package shop.cart;

import java.util.ArrayList;
import java.util.List;

public class Cart {
    private final long id;
    private final List<String> skus = new ArrayList<>();

    public Cart(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public List<String> skus() {
        return skus;
    }

    void add(String sku) {
        skus.add(sku);
    }
}
