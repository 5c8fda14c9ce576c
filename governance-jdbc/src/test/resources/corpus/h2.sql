# Ordinary statements on h2 and the baseline's decision for an agent in production (decision<TAB>SQL).
# The statements common to every dialect are in common.sql, which runs under this dialect too.
allow	SELECT id, total, RANK() OVER (PARTITION BY customer_id ORDER BY total DESC) FROM orders
allow	SELECT COUNT(*) FILTER (WHERE status = 'paid') FROM orders
allow	SELECT status, SUM(total) FROM orders GROUP BY GROUPING SETS ((status), ())
allow	WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 10) SELECT n FROM seq
allow	SELECT LISTAGG(status, ',') WITHIN GROUP (ORDER BY status) FROM orders
allow	SELECT ARRAY_AGG(status ORDER BY status) FROM orders
allow	SELECT JSON_OBJECT('id': id, 'tier': tier) FROM customers
allow	SELECT JSON_ARRAY(id, tier) FROM customers
allow	SELECT JSON_ARRAYAGG(status) FROM orders
allow	SELECT * FROM orders FETCH FIRST 10 ROWS ONLY
allow	SELECT * FROM orders LIMIT 10 OFFSET 20
allow	SELECT * FROM orders WHERE placed_at > DATEADD('DAY', -7, CURRENT_TIMESTAMP)
allow	SELECT * FROM SYSTEM_RANGE(1, 10)
allow	SELECT NEXT VALUE FOR orders_seq
allow	SELECT IDENTITY()
allow	SELECT H2VERSION()
allow	SELECT CURRENT_SCHEMA, DATABASE()
allow	SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'
allow	SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?
allow	SHOW TABLES
allow	SHOW TABLES FROM PUBLIC
allow	SHOW SCHEMAS
allow	SHOW COLUMNS FROM orders
allow	EXPLAIN SELECT * FROM orders WHERE id = 1
allow	EXPLAIN ANALYZE SELECT * FROM orders
allow	EXPLAIN DELETE FROM orders WHERE id = 1
allow	EXPLAIN UPDATE orders SET status = 'x' WHERE id = 1
allow	SET SCHEMA PUBLIC
allow	SET SCHEMA_SEARCH_PATH PUBLIC
allow	SET LOCK_TIMEOUT 10000
allow	SET QUERY_TIMEOUT 5000
allow	SET AUTOCOMMIT OFF
allow	SET TIME ZONE 'UTC'
allow	SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED
allow	COMMIT
allow	ROLLBACK
allow	SAVEPOINT s1
allow	ROLLBACK TO SAVEPOINT s1
allow	MERGE INTO products KEY(id) VALUES (?, ?, ?, ?, ?)
allow	MERGE INTO products (id, sku, title) KEY(id) VALUES (?, ?, ?)
allow	MERGE INTO orders o USING (SELECT ? AS id, ? AS status) s ON o.id = s.id WHEN MATCHED THEN UPDATE SET o.status = s.status WHEN NOT MATCHED THEN INSERT (id, status) VALUES (s.id, s.status)
allow	INSERT INTO orders (id, customer_id, total) VALUES (default, ?, ?)
allow	INSERT INTO orders (customer_id, total) VALUES (?, ?), (?, ?)
allow	INSERT INTO orders (customer_id, total) SELECT id, 0 FROM customers WHERE tier = 'new'
allow	UPDATE orders SET status = 'shipped' WHERE id IN (SELECT order_id FROM shipments)
allow	DELETE FROM order_items WHERE order_id = ? AND product_id = ?
deny	DROP TABLE scratch IF EXISTS
deny	DROP TABLE IF EXISTS scratch
approve	create table customers2 (id bigint not null, email varchar(255), name varchar(255), primary key (id))
approve	create sequence customers_seq start with 1 increment by 50
approve	alter table if exists orders add constraint FK_orders_customer foreign key (customer_id) references customers
approve	alter table orders add column note varchar(255)
approve	alter table orders drop column note
approve	create index idx_orders_customer on orders (customer_id)
allow	CREATE TABLE IF NOT EXISTS "PUBLIC"."flyway_schema_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INT, "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, "execution_time" INT NOT NULL, "success" BOOLEAN NOT NULL, CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank"))
allow	SELECT "installed_rank","version","description","type","script","checksum","installed_on","installed_by","execution_time","success" FROM "PUBLIC"."flyway_schema_history" WHERE "installed_rank" > ? ORDER BY "installed_rank"
approve	CREATE TABLE PUBLIC.DATABASECHANGELOGLOCK (ID INT NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))
allow	SELECT COUNT(*) FROM PUBLIC.DATABASECHANGELOGLOCK
approve	CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open'
approve	CREATE LOCAL TEMPORARY TABLE scratch (id INT)
allow	SELECT * FROM orders WHERE status LIKE ? ESCAPE '\'
allow	SELECT id, COALESCE(status, 'none') FROM orders
allow	SELECT id, NVL(status, 'none') FROM orders
allow	SELECT CAST(total AS VARCHAR) FROM orders
allow	SELECT id, total FROM orders ORDER BY total DESC NULLS LAST
allow	SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
allow	SELECT id FROM orders INTERSECT SELECT order_id FROM invoices
allow	SELECT id FROM orders MINUS SELECT order_id FROM invoices
allow	SELECT EXTRACT(YEAR FROM placed_at), COUNT(*) FROM orders GROUP BY EXTRACT(YEAR FROM placed_at)
allow	SELECT FORMATDATETIME(placed_at, 'yyyy-MM') FROM orders
allow	SELECT id, LEAD(total) OVER (ORDER BY id) FROM orders
allow	SELECT id, FIRST_VALUE(total) OVER (PARTITION BY customer_id ORDER BY id) FROM orders
allow	SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY total) FROM orders
allow	SELECT MEDIAN(total) FROM orders
allow	SELECT * FROM orders o, LATERAL (SELECT COUNT(*) AS n FROM order_items i WHERE i.order_id = o.id) x
allow	SELECT CARDINALITY(ARRAY[1, 2, 3])
allow	SELECT ARRAY_CONTAINS(ARRAY[1, 2], 1)
allow	SELECT JSON_OBJECT('id': id ABSENT ON NULL) FROM customers
allow	SELECT CAST(doc AS VARCHAR) FROM customers
allow	SELECT * FROM orders WHERE id = ANY(?)
allow	SELECT ROWNUM(), id FROM orders
allow	SELECT TOP 5 id FROM orders
allow	SELECT CURRENT_DATE, CURRENT_TIME, LOCALTIMESTAMP
allow	SELECT RANDOM_UUID()
allow	SELECT X'00ff'
allow	SELECT DATE '2026-01-01', TIMESTAMP '2026-01-01 10:00:00'
allow	SELECT * FROM orders WHERE placed_at >= ? AND placed_at < ? ORDER BY placed_at
allow	SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES
allow	SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ORDERS'
allow	SET SCHEMA "PUBLIC"
allow	SELECT id, SUM(total) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM orders
deny	SET MODE PostgreSQL
allow	COMMENT ON TABLE orders IS 'customer orders'
allow	ANALYZE
