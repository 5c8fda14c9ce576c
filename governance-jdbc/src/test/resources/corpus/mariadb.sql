# Ordinary statements on mariadb and the baseline's decision for an agent in production (decision<TAB>SQL).
# The statements common to every dialect are in common.sql, which runs under this dialect too.
allow	SELECT id, total, RANK() OVER (PARTITION BY customer_id ORDER BY total DESC) AS r FROM orders
allow	SELECT status, SUM(total) FROM orders GROUP BY status WITH ROLLUP
allow	WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 10) SELECT n FROM seq
allow	SELECT c.id, x.n FROM customers c LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) x ON x.customer_id = c.id
allow	SELECT GROUP_CONCAT(status ORDER BY status SEPARATOR ',') FROM orders
allow	SELECT IFNULL(SUM(total), 0) FROM orders WHERE placed_at >= NOW() - INTERVAL 7 DAY
allow	SELECT DATE_FORMAT(placed_at, '%Y-%m') AS m, COUNT(*) FROM orders GROUP BY m
allow	SELECT * FROM products WHERE title LIKE CONCAT('%', ?, '%')
allow	SELECT * FROM products WHERE MATCH(title) AGAINST (? IN BOOLEAN MODE)
allow	SELECT SQL_CALC_FOUND_ROWS id FROM orders LIMIT 10
allow	SELECT FOUND_ROWS()
allow	SELECT LAST_INSERT_ID()
allow	SELECT * FROM orders LIMIT 5, 10
allow	SELECT id FROM orders FOR UPDATE
allow	SELECT id FROM orders LOCK IN SHARE MODE
allow	SELECT `id`, `status` FROM `orders` WHERE `id` = ?
allow	SELECT JSON_EXTRACT(doc, '$.plan') FROM customers
allow	SELECT doc->'$.plan', doc->>'$.plan' FROM customers
allow	SELECT JSON_VALUE(doc, '$.seats') FROM customers
allow	SELECT JSON_OBJECT('id', id, 'tier', tier) FROM customers
allow	SELECT JSON_ARRAYAGG(status) FROM orders
allow	SELECT JSON_ARRAYAGG(JSON_OBJECT('id', id, 'total', total)) FROM orders
allow	SELECT JSON_OBJECTAGG(id, status) FROM orders
allow	SELECT * FROM customers WHERE JSON_CONTAINS(doc, '"gold"', '$.plan')
allow	SELECT JSON_KEYS(doc) FROM customers
allow	SELECT JSON_LENGTH(doc) FROM customers
allow	UPDATE customers SET doc = JSON_SET(doc, '$.seen', true) WHERE id = ?
allow	SHOW TABLES
allow	SHOW FULL TABLES
allow	SHOW TABLES LIKE 'ord%'
allow	SHOW DATABASES
allow	SHOW DATABASES LIKE ?
allow	SHOW CREATE TABLE orders
allow	SHOW CREATE VIEW open_orders
allow	SHOW COLUMNS FROM orders
allow	SHOW FULL COLUMNS FROM orders
allow	SHOW INDEX FROM orders
allow	SHOW KEYS FROM orders
allow	SHOW TABLE STATUS
allow	SHOW VARIABLES LIKE 'sql_mode'
allow	SHOW SESSION VARIABLES LIKE 'autocommit'
allow	SHOW STATUS LIKE 'Threads%'
allow	SHOW WARNINGS
allow	SHOW ERRORS
allow	SHOW ENGINES
allow	SHOW CHARACTER SET
allow	SHOW COLLATION LIKE 'utf8mb4%'
allow	SHOW PROCESSLIST
allow	DESCRIBE orders
allow	DESC orders
allow	EXPLAIN SELECT * FROM orders WHERE id = 1
allow	EXPLAIN FORMAT=JSON SELECT * FROM orders
allow	EXPLAIN EXTENDED SELECT * FROM orders
allow	EXPLAIN DELETE FROM orders WHERE id = 1
allow	EXPLAIN UPDATE orders SET status = 'x' WHERE id = 1
allow	USE test
allow	SET NAMES utf8mb4
allow	SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci
allow	SET character_set_client = utf8mb4
allow	SET autocommit = 0
allow	SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED
allow	SET time_zone = '+00:00'
allow	SET @row := 0
allow	SET SESSION wait_timeout = 600
allow	SET max_execution_time = 1000
allow	SET SESSION group_concat_max_len = 100000
allow	START TRANSACTION
allow	COMMIT
allow	ROLLBACK
allow	SAVEPOINT s1
allow	ROLLBACK TO SAVEPOINT s1
allow	RELEASE SAVEPOINT s1
allow	SELECT GET_LOCK('orders', 10)
allow	SELECT RELEASE_LOCK('orders')
allow	SELECT VERSION(), DATABASE(), CURRENT_USER()
allow	SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
allow	SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
allow	SELECT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_NAME = 'orders'
allow	INSERT INTO orders (id, customer_id, total) VALUES (default, ?, ?)
allow	INSERT INTO orders (customer_id, total) VALUES (?, ?), (?, ?)
allow	INSERT INTO orders SET customer_id = ?, total = ?
allow	INSERT IGNORE INTO orders (id, status) VALUES (?, ?)
allow	INSERT INTO orders (customer_id, total) SELECT id, 0 FROM customers WHERE tier = 'new'
allow	UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.total = o.total * 1.1 WHERE c.tier = 'gold'
allow	UPDATE orders SET status = 'shipped' WHERE id = ? LIMIT 1
allow	DELETE FROM order_items WHERE order_id = ? AND product_id = ?
allow	DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.tier = 'banned'
allow	DELETE FROM orders WHERE status = 'void' ORDER BY id LIMIT 100
approve	CREATE TABLE customers2 (id BIGINT NOT NULL AUTO_INCREMENT, email VARCHAR(255), name VARCHAR(255), PRIMARY KEY (id)) ENGINE=InnoDB
approve	create table hibernate_sequence (next_val bigint) engine=InnoDB
allow	insert into hibernate_sequence values ( 1 )
allow	select next_val as id_val from hibernate_sequence for update
allow	update hibernate_sequence set next_val= ? where next_val=?
approve	alter table orders add constraint FK_orders_customer foreign key (customer_id) references customers (id)
approve	ALTER TABLE IF EXISTS orders DROP FOREIGN KEY IF EXISTS FK_orders_customer
approve	ALTER TABLE orders DROP FOREIGN KEY FK_orders_customer
approve	ALTER TABLE orders ADD COLUMN note VARCHAR(255) AFTER status
approve	ALTER TABLE orders ADD COLUMN IF NOT EXISTS note VARCHAR(255)
approve	ALTER TABLE orders MODIFY COLUMN note TEXT
approve	ALTER TABLE orders CHANGE note remark TEXT
approve	ALTER TABLE orders DROP COLUMN remark
approve	ALTER TABLE orders ADD INDEX idx_status (status)
approve	CREATE INDEX idx_orders_customer ON orders (customer_id)
approve	CREATE UNIQUE INDEX ux_products_sku ON products (sku)
allow	CREATE TABLE IF NOT EXISTS `flyway_schema_history` (`installed_rank` INT NOT NULL, `version` VARCHAR(50), `description` VARCHAR(200) NOT NULL, `type` VARCHAR(20) NOT NULL, `script` VARCHAR(1000) NOT NULL, `checksum` INT, `installed_by` VARCHAR(100) NOT NULL, `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, `execution_time` INT NOT NULL, `success` BOOL NOT NULL, CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)) ENGINE=InnoDB
allow	SELECT `installed_rank`,`version`,`description`,`type`,`script`,`checksum`,`installed_on`,`installed_by`,`execution_time`,`success` FROM `flyway_schema_history` WHERE `installed_rank` > ? ORDER BY `installed_rank`
approve	CREATE TABLE test.DATABASECHANGELOGLOCK (ID INT NOT NULL, `LOCKED` TINYINT NOT NULL, LOCKGRANTED datetime NULL, LOCKEDBY VARCHAR(255) NULL, CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))
allow	SELECT COUNT(*) FROM test.DATABASECHANGELOGLOCK
allow	UPDATE test.DATABASECHANGELOGLOCK SET `LOCKED` = 1, LOCKEDBY = 'host (10.0.0.5)', LOCKGRANTED = NOW() WHERE ID = 1 AND `LOCKED` = 0
approve	CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open'
approve	CREATE TEMPORARY TABLE scratch (id INT, v VARCHAR(20))
allow	ANALYZE TABLE orders
allow	OPTIMIZE TABLE orders
allow	CHECK TABLE orders
