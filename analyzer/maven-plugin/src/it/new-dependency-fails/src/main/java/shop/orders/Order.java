package shop.orders;

public class Order {
    private final long id;
    private final String sku;

    public Order(long id, String sku) {
        this.id = id;
        this.sku = sku;
    }

    public long id() {
        return id;
    }

    public String sku() {
        return sku;
    }
}
