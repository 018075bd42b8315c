-- Seed data: categories, products, stock, customers, coupons, tax and shipping tables.

insert into category (slug, name, description) values ('electronics', 'Electronics', 'Gadgets, audio and accessories');
insert into category (slug, name, description) values ('books', 'Books', 'Paperbacks and hardcovers');
insert into category (slug, name, description) values ('home-kitchen', 'Home & Kitchen', 'Cookware and small appliances');
insert into category (slug, name, description) values ('outdoor', 'Outdoor', 'Camping and hiking gear');
insert into category (slug, name, description) values ('toys', 'Toys & Games', 'Board games and puzzles');

insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('EL-1001', 'Wireless Mouse', 'Ergonomic 2.4 GHz wireless mouse with USB receiver', 24.99, 95, true, (select id from category where slug = 'electronics'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('EL-1002', 'Mechanical Keyboard', 'Tenkeyless keyboard with brown switches', 89.00, 900, true, (select id from category where slug = 'electronics'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('EL-1003', 'USB-C Charger 65W', 'GaN wall charger with two USB-C ports', 39.50, 180, true, (select id from category where slug = 'electronics'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('EL-1004', 'Noise Cancelling Headphones', 'Over-ear Bluetooth headphones, 30 h battery', 199.00, 260, true, (select id from category where slug = 'electronics'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('EL-1005', '27-inch Monitor', 'QHD IPS monitor with height-adjustable stand', 329.00, 6200, true, (select id from category where slug = 'electronics'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('EL-1006', 'HDMI Cable 2m', 'High-speed HDMI 2.1 cable', 9.99, 120, true, (select id from category where slug = 'electronics'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('BK-2001', 'The Pragmatic Gardener', 'A practical guide to small gardens', 18.50, 450, true, (select id from category where slug = 'books'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('BK-2002', 'Refactoring Legacy Systems', 'Working with code nobody wants to touch', 45.00, 800, true, (select id from category where slug = 'books'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('BK-2003', 'Night Sky Atlas', 'Star charts for both hemispheres', 29.95, 1100, true, (select id from category where slug = 'books'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('BK-2004', 'Cooking for Two', '120 recipes for small households', 22.00, 700, true, (select id from category where slug = 'books'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('BK-2005', 'Mystery at Harbor Lane', 'A cozy detective novel', 12.99, 300, true, (select id from category where slug = 'books'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('HK-3001', 'Cast Iron Skillet 26cm', 'Pre-seasoned skillet for stove and oven', 34.90, 2600, true, (select id from category where slug = 'home-kitchen'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('HK-3002', 'Chef Knife 20cm', 'Forged stainless steel chef knife', 59.00, 250, true, (select id from category where slug = 'home-kitchen'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('HK-3003', 'Electric Kettle', '1.7 l kettle with temperature control', 49.99, 1300, true, (select id from category where slug = 'home-kitchen'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('HK-3004', 'Coffee Grinder', 'Conical burr grinder, 40 settings', 79.00, 1800, true, (select id from category where slug = 'home-kitchen'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('HK-3005', 'Glass Storage Set', 'Set of 5 glass containers with lids', 27.50, 2100, true, (select id from category where slug = 'home-kitchen'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('OD-4001', 'Two-Person Tent', 'Lightweight 3-season tent, 1.9 kg', 189.00, 1900, true, (select id from category where slug = 'outdoor'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('OD-4002', 'Sleeping Bag -5C', 'Mummy sleeping bag with compression sack', 119.00, 1400, true, (select id from category where slug = 'outdoor'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('OD-4003', 'Trekking Poles', 'Pair of aluminium trekking poles', 44.00, 520, true, (select id from category where slug = 'outdoor'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('OD-4004', 'Headlamp 400lm', 'Rechargeable headlamp with red light', 29.00, 90, true, (select id from category where slug = 'outdoor'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('OD-4005', 'Water Filter', 'Squeeze filter, 0.1 micron', 35.00, 85, true, (select id from category where slug = 'outdoor'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('TY-5001', 'Strategy Board Game', 'Build settlements and trade resources, 3-4 players', 42.00, 1200, true, (select id from category where slug = 'toys'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('TY-5002', '1000-Piece Puzzle', 'Harbor at dusk, 68 x 48 cm', 16.99, 650, true, (select id from category where slug = 'toys'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('TY-5003', 'Wooden Train Set', '42-piece starter set', 54.00, 2300, true, (select id from category where slug = 'toys'), timestamp '2024-01-15 09:00:00');
insert into product (sku, name, description, price, weight_grams, active, category_id, created_at) values ('TY-5004', 'Card Game Classic', 'Fast family card game', 8.50, 150, true, (select id from category where slug = 'toys'), timestamp '2024-01-15 09:00:00');

insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'EL-1001'), 120, 0, 10, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'EL-1002'), 40, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'EL-1003'), 75, 0, 10, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'EL-1004'), 25, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'EL-1005'), 12, 0, 3, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'EL-1006'), 300, 0, 20, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'BK-2001'), 60, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'BK-2002'), 35, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'BK-2003'), 20, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'BK-2004'), 3, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'BK-2005'), 80, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'HK-3001'), 50, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'HK-3002'), 30, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'HK-3003'), 45, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'HK-3004'), 2, 0, 4, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'HK-3005'), 55, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'OD-4001'), 15, 0, 3, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'OD-4002'), 18, 0, 3, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'OD-4003'), 0, 0, 4, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'OD-4004'), 70, 0, 8, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'OD-4005'), 40, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'TY-5001'), 33, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'TY-5002'), 48, 0, 5, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'TY-5003'), 14, 0, 3, timestamp '2024-01-15 09:00:00');
insert into stock_item (product_id, quantity_on_hand, quantity_reserved, reorder_level, updated_at) values ((select id from product where sku = 'TY-5004'), 150, 0, 10, timestamp '2024-01-15 09:00:00');

-- Password of alice@example.com is 'alice-secret', of bob@example.com 'bob-secret'.
insert into customer (email, password_hash, first_name, last_name, loyalty_points, created_at) values ('alice@example.com', 'pbkdf2_sha256$10000$YWNtZS1zZWVkLXNhbHQtMQ==$/ogvlfevdh5uNw2J0V7ulZXgkApLeNX1Mqe7wRZRVi4=', 'Alice', 'Anderson', 120, timestamp '2024-02-01 12:00:00');
insert into customer (email, password_hash, first_name, last_name, loyalty_points, created_at) values ('bob@example.com', 'pbkdf2_sha256$10000$YWNtZS1zZWVkLXNhbHQtMg==$kWDvBpix5dOKngCbNIqfc8U3jGHhS1nBmy1CvYCS0KQ=', 'Bob', 'Brown', 0, timestamp '2024-03-10 08:30:00');
insert into address (customer_id, line1, line2, city, region, postal_code, country, default_address) values ((select id from customer where email = 'alice@example.com'), '1 Market Street', 'Apt 4', 'San Francisco', 'CA', '94105', 'US', true);
insert into address (customer_id, line1, line2, city, region, postal_code, country, default_address) values ((select id from customer where email = 'bob@example.com'), '200 King Street W', null, 'Toronto', 'ON', 'M5H 3T4', 'CA', true);

insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until, max_uses, times_used, active) values ('WELCOME10', 'PERCENT', 10.00, 0.00, date '2024-01-01', date '2099-12-31', null, 0, true);
insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until, max_uses, times_used, active) values ('SAVE5', 'FIXED', 5.00, 25.00, date '2024-01-01', date '2099-12-31', null, 0, true);
insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until, max_uses, times_used, active) values ('BIGSPENDER20', 'PERCENT', 20.00, 200.00, date '2024-01-01', date '2099-12-31', 100, 0, true);
insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until, max_uses, times_used, active) values ('SUMMER2020', 'PERCENT', 15.00, 0.00, date '2020-06-01', date '2020-08-31', null, 0, true);
insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until, max_uses, times_used, active) values ('ONCEONLY', 'FIXED', 10.00, 0.00, date '2024-01-01', date '2099-12-31', 1, 1, true);

insert into tax_rate (country, region, rate) values ('US', 'CA', 0.0725);
insert into tax_rate (country, region, rate) values ('US', 'NY', 0.0888);
insert into tax_rate (country, region, rate) values ('US', 'TX', 0.0625);
insert into tax_rate (country, region, rate) values ('US', 'WA', 0.0650);
insert into tax_rate (country, region, rate) values ('US', null, 0.0500);
insert into tax_rate (country, region, rate) values ('CA', null, 0.1300);
insert into tax_rate (country, region, rate) values ('CA', 'QC', 0.14975);
insert into tax_rate (country, region, rate) values ('DE', null, 0.1900);
insert into tax_rate (country, region, rate) values ('GB', null, 0.2000);

insert into shipping_rate (zone, max_weight_grams, price) values ('DOMESTIC', 500, 4.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('DOMESTIC', 2000, 7.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('DOMESTIC', 10000, 12.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('DOMESTIC', 30000, 24.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('NEIGHBOR', 500, 9.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('NEIGHBOR', 2000, 14.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('NEIGHBOR', 10000, 24.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('NEIGHBOR', 30000, 44.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('INTERNATIONAL', 500, 14.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('INTERNATIONAL', 2000, 24.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('INTERNATIONAL', 10000, 49.95);
insert into shipping_rate (zone, max_weight_grams, price) values ('INTERNATIONAL', 30000, 89.95);
