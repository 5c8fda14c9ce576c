# Ordinary statements every dialect reads alike (ORM-generated DML, plain queries), run under each dialect with its own file; the baseline's decision for an agent in production (decision<TAB>SQL).
# allow: queries, DML with a WHERE, session settings, SHOW/EXPLAIN; approve: DDL in production; deny: DROP, set_config of settings that switch identity or weaken governance, settings that change how SQL is read.
allow	select c1_0.id,c1_0.name,c1_0.email from customers c1_0 where c1_0.id=?
allow	insert into customers (name,email,tier,id) values (?,?,?,?)
allow	update customers set name=?,email=?,tier=? where id=?
allow	delete from customers where id=?
allow	select count(*) from customers c1_0 where c1_0.tier=?
allow	SELECT name, count(*) AS n FROM customers GROUP BY name ORDER BY n DESC LIMIT 10
allow	SELECT id, tier, row_number() OVER (PARTITION BY name ORDER BY id) AS rn FROM customers
allow	WITH recent AS (SELECT * FROM customers WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT c.name, sum(c.tier) OVER (ORDER BY c.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM customers c
allow	SELECT * FROM customers WHERE id IN (SELECT max(id) FROM customers GROUP BY name)
allow	SELECT DISTINCT name FROM customers WHERE tier IS NOT NULL ORDER BY 1
allow	SELECT id FROM customers ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT name, avg(tier) FROM customers GROUP BY name HAVING count(*) > 1
allow	SELECT * FROM customers WHERE name = ? AND tier >= ?
allow	SELECT id, CASE WHEN tier IS NULL THEN 'none' ELSE 'some' END AS k FROM customers
allow	SELECT max(created_at), min(created_at) FROM customers
allow	UPDATE customers SET tier = ? WHERE id = ? AND name = ?
allow	SELECT c.* FROM customers c WHERE c.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT name) FROM customers
allow	SELECT id FROM customers WHERE name IS NULL
allow	SELECT id, email FROM customers WHERE id IN (?, ?, ?)
allow	select o1_0.id,o1_0.customer_id,o1_0.total from orders o1_0 where o1_0.id=?
allow	insert into orders (customer_id,total,status,id) values (?,?,?,?)
allow	update orders set customer_id=?,total=?,status=? where id=?
allow	delete from orders where id=?
allow	select count(*) from orders o1_0 where o1_0.status=?
allow	SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id ORDER BY n DESC LIMIT 10
allow	SELECT id, status, row_number() OVER (PARTITION BY customer_id ORDER BY id) AS rn FROM orders
allow	WITH recent AS (SELECT * FROM orders WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT o.customer_id, sum(o.status) OVER (ORDER BY o.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders o
allow	SELECT * FROM orders WHERE id IN (SELECT max(id) FROM orders GROUP BY customer_id)
allow	SELECT DISTINCT customer_id FROM orders WHERE status IS NOT NULL ORDER BY 1
allow	SELECT id FROM orders ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT customer_id, avg(status) FROM orders GROUP BY customer_id HAVING count(*) > 1
allow	SELECT * FROM orders WHERE customer_id = ? AND status >= ?
allow	SELECT id, CASE WHEN status IS NULL THEN 'none' ELSE 'some' END AS k FROM orders
allow	SELECT max(placed_at), min(placed_at) FROM orders
allow	UPDATE orders SET status = ? WHERE id = ? AND customer_id = ?
allow	SELECT o.* FROM orders o WHERE o.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT customer_id) FROM orders
allow	SELECT id FROM orders WHERE customer_id IS NULL
allow	SELECT id, total FROM orders WHERE id IN (?, ?, ?)
allow	select oi1_0.id,oi1_0.order_id,oi1_0.product_id from order_items oi1_0 where oi1_0.id=?
allow	insert into order_items (order_id,product_id,quantity,id) values (?,?,?,?)
allow	update order_items set order_id=?,product_id=?,quantity=? where id=?
allow	delete from order_items where id=?
allow	select count(*) from order_items oi1_0 where oi1_0.quantity=?
allow	SELECT order_id, count(*) AS n FROM order_items GROUP BY order_id ORDER BY n DESC LIMIT 10
allow	SELECT id, quantity, row_number() OVER (PARTITION BY order_id ORDER BY id) AS rn FROM order_items
allow	WITH recent AS (SELECT * FROM order_items WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT oi.order_id, sum(oi.quantity) OVER (ORDER BY oi.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM order_items oi
allow	SELECT * FROM order_items WHERE id IN (SELECT max(id) FROM order_items GROUP BY order_id)
allow	SELECT DISTINCT order_id FROM order_items WHERE quantity IS NOT NULL ORDER BY 1
allow	SELECT id FROM order_items ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT order_id, avg(quantity) FROM order_items GROUP BY order_id HAVING count(*) > 1
allow	SELECT * FROM order_items WHERE order_id = ? AND quantity >= ?
allow	SELECT id, CASE WHEN quantity IS NULL THEN 'none' ELSE 'some' END AS k FROM order_items
allow	SELECT max(price), min(price) FROM order_items
allow	UPDATE order_items SET quantity = ? WHERE id = ? AND order_id = ?
allow	SELECT oi.* FROM order_items oi WHERE oi.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT order_id) FROM order_items
allow	SELECT id FROM order_items WHERE order_id IS NULL
allow	SELECT id, product_id FROM order_items WHERE id IN (?, ?, ?)
allow	select p1_0.id,p1_0.sku,p1_0.title from products p1_0 where p1_0.id=?
allow	insert into products (sku,title,price,id) values (?,?,?,?)
allow	update products set sku=?,title=?,price=? where id=?
allow	delete from products where id=?
allow	select count(*) from products p1_0 where p1_0.price=?
allow	SELECT sku, count(*) AS n FROM products GROUP BY sku ORDER BY n DESC LIMIT 10
allow	SELECT id, price, row_number() OVER (PARTITION BY sku ORDER BY id) AS rn FROM products
allow	WITH recent AS (SELECT * FROM products WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT p.sku, sum(p.price) OVER (ORDER BY p.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM products p
allow	SELECT * FROM products WHERE id IN (SELECT max(id) FROM products GROUP BY sku)
allow	SELECT DISTINCT sku FROM products WHERE price IS NOT NULL ORDER BY 1
allow	SELECT id FROM products ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT sku, avg(price) FROM products GROUP BY sku HAVING count(*) > 1
allow	SELECT * FROM products WHERE sku = ? AND price >= ?
allow	SELECT id, CASE WHEN price IS NULL THEN 'none' ELSE 'some' END AS k FROM products
allow	SELECT max(stock), min(stock) FROM products
allow	UPDATE products SET price = ? WHERE id = ? AND sku = ?
allow	SELECT p.* FROM products p WHERE p.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT sku) FROM products
allow	SELECT id FROM products WHERE sku IS NULL
allow	SELECT id, title FROM products WHERE id IN (?, ?, ?)
allow	select i1_0.id,i1_0.order_id,i1_0.amount from invoices i1_0 where i1_0.id=?
allow	insert into invoices (order_id,amount,due_date,id) values (?,?,?,?)
allow	update invoices set order_id=?,amount=?,due_date=? where id=?
allow	delete from invoices where id=?
allow	select count(*) from invoices i1_0 where i1_0.due_date=?
allow	SELECT order_id, count(*) AS n FROM invoices GROUP BY order_id ORDER BY n DESC LIMIT 10
allow	SELECT id, due_date, row_number() OVER (PARTITION BY order_id ORDER BY id) AS rn FROM invoices
allow	WITH recent AS (SELECT * FROM invoices WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT i.order_id, sum(i.due_date) OVER (ORDER BY i.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM invoices i
allow	SELECT * FROM invoices WHERE id IN (SELECT max(id) FROM invoices GROUP BY order_id)
allow	SELECT DISTINCT order_id FROM invoices WHERE due_date IS NOT NULL ORDER BY 1
allow	SELECT id FROM invoices ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT order_id, avg(due_date) FROM invoices GROUP BY order_id HAVING count(*) > 1
allow	SELECT * FROM invoices WHERE order_id = ? AND due_date >= ?
allow	SELECT id, CASE WHEN due_date IS NULL THEN 'none' ELSE 'some' END AS k FROM invoices
allow	SELECT max(paid), min(paid) FROM invoices
allow	UPDATE invoices SET due_date = ? WHERE id = ? AND order_id = ?
allow	SELECT i.* FROM invoices i WHERE i.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT order_id) FROM invoices
allow	SELECT id FROM invoices WHERE order_id IS NULL
allow	SELECT id, amount FROM invoices WHERE id IN (?, ?, ?)
allow	select s1_0.id,s1_0.order_id,s1_0.carrier from shipments s1_0 where s1_0.id=?
allow	insert into shipments (order_id,carrier,tracking_code,id) values (?,?,?,?)
allow	update shipments set order_id=?,carrier=?,tracking_code=? where id=?
allow	delete from shipments where id=?
allow	select count(*) from shipments s1_0 where s1_0.tracking_code=?
allow	SELECT order_id, count(*) AS n FROM shipments GROUP BY order_id ORDER BY n DESC LIMIT 10
allow	SELECT id, tracking_code, row_number() OVER (PARTITION BY order_id ORDER BY id) AS rn FROM shipments
allow	WITH recent AS (SELECT * FROM shipments WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT s.order_id, sum(s.tracking_code) OVER (ORDER BY s.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM shipments s
allow	SELECT * FROM shipments WHERE id IN (SELECT max(id) FROM shipments GROUP BY order_id)
allow	SELECT DISTINCT order_id FROM shipments WHERE tracking_code IS NOT NULL ORDER BY 1
allow	SELECT id FROM shipments ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT order_id, avg(tracking_code) FROM shipments GROUP BY order_id HAVING count(*) > 1
allow	SELECT * FROM shipments WHERE order_id = ? AND tracking_code >= ?
allow	SELECT id, CASE WHEN tracking_code IS NULL THEN 'none' ELSE 'some' END AS k FROM shipments
allow	SELECT max(shipped_at), min(shipped_at) FROM shipments
allow	UPDATE shipments SET tracking_code = ? WHERE id = ? AND order_id = ?
allow	SELECT s.* FROM shipments s WHERE s.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT order_id) FROM shipments
allow	SELECT id FROM shipments WHERE order_id IS NULL
allow	SELECT id, carrier FROM shipments WHERE id IN (?, ?, ?)
allow	select r1_0.id,r1_0.product_id,r1_0.customer_id from reviews r1_0 where r1_0.id=?
allow	insert into reviews (product_id,customer_id,rating,id) values (?,?,?,?)
allow	update reviews set product_id=?,customer_id=?,rating=? where id=?
allow	delete from reviews where id=?
allow	select count(*) from reviews r1_0 where r1_0.rating=?
allow	SELECT product_id, count(*) AS n FROM reviews GROUP BY product_id ORDER BY n DESC LIMIT 10
allow	SELECT id, rating, row_number() OVER (PARTITION BY product_id ORDER BY id) AS rn FROM reviews
allow	WITH recent AS (SELECT * FROM reviews WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT r.product_id, sum(r.rating) OVER (ORDER BY r.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM reviews r
allow	SELECT * FROM reviews WHERE id IN (SELECT max(id) FROM reviews GROUP BY product_id)
allow	SELECT DISTINCT product_id FROM reviews WHERE rating IS NOT NULL ORDER BY 1
allow	SELECT id FROM reviews ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT product_id, avg(rating) FROM reviews GROUP BY product_id HAVING count(*) > 1
allow	SELECT * FROM reviews WHERE product_id = ? AND rating >= ?
allow	SELECT id, CASE WHEN rating IS NULL THEN 'none' ELSE 'some' END AS k FROM reviews
allow	SELECT max(body), min(body) FROM reviews
allow	UPDATE reviews SET rating = ? WHERE id = ? AND product_id = ?
allow	SELECT r.* FROM reviews r WHERE r.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT product_id) FROM reviews
allow	SELECT id FROM reviews WHERE product_id IS NULL
allow	SELECT id, customer_id FROM reviews WHERE id IN (?, ?, ?)
allow	select su1_0.id,su1_0.name,su1_0.country from suppliers su1_0 where su1_0.id=?
allow	insert into suppliers (name,country,rating,id) values (?,?,?,?)
allow	update suppliers set name=?,country=?,rating=? where id=?
allow	delete from suppliers where id=?
allow	select count(*) from suppliers su1_0 where su1_0.rating=?
allow	SELECT name, count(*) AS n FROM suppliers GROUP BY name ORDER BY n DESC LIMIT 10
allow	SELECT id, rating, row_number() OVER (PARTITION BY name ORDER BY id) AS rn FROM suppliers
allow	WITH recent AS (SELECT * FROM suppliers WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT su.name, sum(su.rating) OVER (ORDER BY su.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM suppliers su
allow	SELECT * FROM suppliers WHERE id IN (SELECT max(id) FROM suppliers GROUP BY name)
allow	SELECT DISTINCT name FROM suppliers WHERE rating IS NOT NULL ORDER BY 1
allow	SELECT id FROM suppliers ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT name, avg(rating) FROM suppliers GROUP BY name HAVING count(*) > 1
allow	SELECT * FROM suppliers WHERE name = ? AND rating >= ?
allow	SELECT id, CASE WHEN rating IS NULL THEN 'none' ELSE 'some' END AS k FROM suppliers
allow	SELECT max(active), min(active) FROM suppliers
allow	UPDATE suppliers SET rating = ? WHERE id = ? AND name = ?
allow	SELECT su.* FROM suppliers su WHERE su.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT name) FROM suppliers
allow	SELECT id FROM suppliers WHERE name IS NULL
allow	SELECT id, country FROM suppliers WHERE id IN (?, ?, ?)
allow	select w1_0.id,w1_0.city,w1_0.capacity from warehouses w1_0 where w1_0.id=?
allow	insert into warehouses (city,capacity,manager,id) values (?,?,?,?)
allow	update warehouses set city=?,capacity=?,manager=? where id=?
allow	delete from warehouses where id=?
allow	select count(*) from warehouses w1_0 where w1_0.manager=?
allow	SELECT city, count(*) AS n FROM warehouses GROUP BY city ORDER BY n DESC LIMIT 10
allow	SELECT id, manager, row_number() OVER (PARTITION BY city ORDER BY id) AS rn FROM warehouses
allow	WITH recent AS (SELECT * FROM warehouses WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT w.city, sum(w.manager) OVER (ORDER BY w.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM warehouses w
allow	SELECT * FROM warehouses WHERE id IN (SELECT max(id) FROM warehouses GROUP BY city)
allow	SELECT DISTINCT city FROM warehouses WHERE manager IS NOT NULL ORDER BY 1
allow	SELECT id FROM warehouses ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT city, avg(manager) FROM warehouses GROUP BY city HAVING count(*) > 1
allow	SELECT * FROM warehouses WHERE city = ? AND manager >= ?
allow	SELECT id, CASE WHEN manager IS NULL THEN 'none' ELSE 'some' END AS k FROM warehouses
allow	SELECT max(opened_on), min(opened_on) FROM warehouses
allow	UPDATE warehouses SET manager = ? WHERE id = ? AND city = ?
allow	SELECT w.* FROM warehouses w WHERE w.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT city) FROM warehouses
allow	SELECT id FROM warehouses WHERE city IS NULL
allow	SELECT id, capacity FROM warehouses WHERE id IN (?, ?, ?)
allow	select pa1_0.id,pa1_0.invoice_id,pa1_0.method from payments pa1_0 where pa1_0.id=?
allow	insert into payments (invoice_id,method,amount,id) values (?,?,?,?)
allow	update payments set invoice_id=?,method=?,amount=? where id=?
allow	delete from payments where id=?
allow	select count(*) from payments pa1_0 where pa1_0.amount=?
allow	SELECT invoice_id, count(*) AS n FROM payments GROUP BY invoice_id ORDER BY n DESC LIMIT 10
allow	SELECT id, amount, row_number() OVER (PARTITION BY invoice_id ORDER BY id) AS rn FROM payments
allow	WITH recent AS (SELECT * FROM payments WHERE id > ?) SELECT count(*) FROM recent
allow	SELECT pa.invoice_id, sum(pa.amount) OVER (ORDER BY pa.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM payments pa
allow	SELECT * FROM payments WHERE id IN (SELECT max(id) FROM payments GROUP BY invoice_id)
allow	SELECT DISTINCT invoice_id FROM payments WHERE amount IS NOT NULL ORDER BY 1
allow	SELECT id FROM payments ORDER BY id DESC LIMIT 20 OFFSET 40
allow	SELECT invoice_id, avg(amount) FROM payments GROUP BY invoice_id HAVING count(*) > 1
allow	SELECT * FROM payments WHERE invoice_id = ? AND amount >= ?
allow	SELECT id, CASE WHEN amount IS NULL THEN 'none' ELSE 'some' END AS k FROM payments
allow	SELECT max(received_at), min(received_at) FROM payments
allow	UPDATE payments SET amount = ? WHERE id = ? AND invoice_id = ?
allow	SELECT pa.* FROM payments pa WHERE pa.id BETWEEN ? AND ?
allow	SELECT count(DISTINCT invoice_id) FROM payments
allow	SELECT id FROM payments WHERE invoice_id IS NULL
allow	SELECT id, method FROM payments WHERE id IN (?, ?, ?)
allow	SELECT x.id, y.id FROM customers x JOIN orders y ON y.customer_id = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM customers x LEFT JOIN orders y ON y.customer_id = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM orders x JOIN order_items y ON y.order_id = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM orders x LEFT JOIN order_items y ON y.order_id = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM order_items x JOIN products y ON y.sku = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM order_items x LEFT JOIN products y ON y.sku = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM products x JOIN invoices y ON y.order_id = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM products x LEFT JOIN invoices y ON y.order_id = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM invoices x JOIN shipments y ON y.order_id = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM invoices x LEFT JOIN shipments y ON y.order_id = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM shipments x JOIN reviews y ON y.product_id = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM shipments x LEFT JOIN reviews y ON y.product_id = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM reviews x JOIN suppliers y ON y.name = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM reviews x LEFT JOIN suppliers y ON y.name = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM suppliers x JOIN warehouses y ON y.city = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM suppliers x LEFT JOIN warehouses y ON y.city = x.id GROUP BY x.id
allow	SELECT x.id, y.id FROM warehouses x JOIN payments y ON y.invoice_id = x.id WHERE x.id = ?
allow	SELECT x.id, count(y.id) FROM warehouses x LEFT JOIN payments y ON y.invoice_id = x.id GROUP BY x.id
