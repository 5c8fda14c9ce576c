# Ordinary statements on postgresql and the baseline's decision for an agent in production (decision<TAB>SQL).
# The statements common to every dialect are in common.sql, which runs under this dialect too.
allow	SELECT id, total, rank() OVER w, dense_rank() OVER w FROM orders WINDOW w AS (PARTITION BY customer_id ORDER BY total DESC)
allow	SELECT count(*) FILTER (WHERE status = 'paid') AS paid, count(*) FILTER (WHERE status = 'new') AS fresh FROM orders
allow	SELECT status, date_trunc('month', placed_at) AS m, sum(total) FROM orders GROUP BY GROUPING SETS ((status), (date_trunc('month', placed_at)), ())
allow	SELECT status, customer_id, sum(total) FROM orders GROUP BY ROLLUP (status, customer_id)
allow	SELECT status, customer_id, sum(total) FROM orders GROUP BY CUBE (status, customer_id)
allow	SELECT c.id, last.total FROM customers c CROSS JOIN LATERAL (SELECT total FROM orders o WHERE o.customer_id = c.id ORDER BY placed_at DESC LIMIT 1) last
allow	SELECT c.id, x.n FROM customers c LEFT JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id) x ON true
allow	WITH RECURSIVE tree(id, parent_id, depth) AS (SELECT id, NULL::int, 0 FROM suppliers WHERE id = 1 UNION ALL SELECT s.id, t.id, t.depth + 1 FROM suppliers s JOIN tree t ON s.rating = t.id) SELECT * FROM tree
allow	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total) FROM orders
allow	SELECT mode() WITHIN GROUP (ORDER BY status) FROM orders
allow	SELECT string_agg(status, ',' ORDER BY status) FROM orders
allow	SELECT array_agg(DISTINCT status) FROM orders
allow	SELECT id, lag(total) OVER (ORDER BY placed_at), lead(total, 2, 0) OVER (ORDER BY placed_at) FROM orders
allow	SELECT id, ntile(4) OVER (ORDER BY total) FROM orders
allow	SELECT generate_series(1, 10)
allow	SELECT * FROM generate_series('2026-01-01'::date, '2026-12-01'::date, interval '1 month') AS m
allow	SELECT now(), current_date, current_timestamp, clock_timestamp()
allow	SELECT id, total::numeric(10,2), placed_at::date FROM orders
allow	SELECT coalesce(sum(total), 0) FROM orders WHERE placed_at >= now() - interval '7 days'
allow	SELECT extract(year FROM placed_at) AS y, count(*) FROM orders GROUP BY 1 ORDER BY 1
allow	SELECT * FROM orders WHERE placed_at BETWEEN ? AND ? ORDER BY placed_at
allow	SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = o.id)
allow	SELECT * FROM products WHERE title ILIKE '%lamp%'
allow	SELECT * FROM products WHERE title ~* 'lamp'
allow	SELECT * FROM products WHERE sku = ANY(?)
allow	SELECT * FROM products WHERE id = ANY(ARRAY[1, 2, 3])
allow	SELECT id FROM orders UNION SELECT order_id FROM invoices
allow	SELECT id FROM orders EXCEPT SELECT order_id FROM shipments
allow	SELECT DISTINCT ON (customer_id) customer_id, id, placed_at FROM orders ORDER BY customer_id, placed_at DESC
allow	SELECT id FROM orders ORDER BY id FETCH FIRST 5 ROWS ONLY
allow	SELECT id FROM orders FOR UPDATE SKIP LOCKED LIMIT 1
allow	SELECT * FROM orders TABLESAMPLE SYSTEM (10)
allow	TABLE products
allow	VALUES (1, 'a'), (2, 'b')
allow	SELECT doc -> 'plan' FROM customers
allow	SELECT doc ->> 'plan' AS plan FROM customers WHERE doc ? 'plan'
allow	SELECT doc #> '{a,b}', doc #>> '{a,b}' FROM customers
allow	SELECT * FROM customers WHERE doc @> '{"plan": "gold"}'
allow	SELECT * FROM customers WHERE doc ?| array['plan', 'seats']
allow	SELECT * FROM customers WHERE doc ?& array['plan', 'seats']
allow	SELECT jsonb_build_object('id', id, 'tier', tier) FROM customers
allow	SELECT json_build_array(id, tier) FROM customers
allow	SELECT jsonb_agg(o) FROM orders o
allow	SELECT json_agg(o ORDER BY id) FROM orders o WHERE status = ?
allow	SELECT row_to_json(p) FROM products p WHERE id = ?
allow	SELECT to_jsonb(p.*) FROM products p
allow	SELECT jsonb_array_elements(doc -> 'items') FROM customers
allow	SELECT key, value FROM customers, jsonb_each(doc)
allow	SELECT jsonb_set(doc, '{plan}', '"silver"') FROM customers
allow	SELECT doc - 'plan' FROM customers
allow	SELECT jsonb_path_query(doc, '$.items[*].sku') FROM customers
allow	SELECT jsonb_typeof(doc) FROM customers
allow	SELECT * FROM jsonb_to_recordset('[{"a":1}]'::jsonb) AS x(a int)
allow	UPDATE customers SET doc = doc || '{"seen": true}' WHERE id = ?
allow	SELECT xmlelement(name product, title) FROM products
allow	SET search_path TO app
allow	SET search_path TO app, public
allow	SET search_path = app, public
allow	SET search_path TO DEFAULT
allow	SET SESSION search_path TO 'app'
allow	SET LOCAL search_path TO app
allow	SELECT set_config('search_path', 'app', false)
allow	SELECT set_config('search_path', 'app, public', true)
allow	SELECT set_config('statement_timeout', '5s', false)
deny	SELECT set_config('role', 'admin', false)
deny	SELECT set_config('session_authorization', 'postgres', false)
deny	SELECT set_config('app.tenant_id', '7', false)
deny	SELECT set_config('session_replication_role', 'replica', false)
deny	SELECT set_config(lower('ROLE'), 'admin', false)
allow	RESET search_path
allow	SET TIME ZONE 'UTC'
allow	SET timezone TO 'Europe/Berlin'
allow	SET application_name = 'reporting'
allow	SET statement_timeout = '30s'
allow	SET LOCAL lock_timeout = 5000
allow	SET extra_float_digits = 3
allow	SET client_encoding = 'UTF8'
allow	SET datestyle TO ISO, MDY
allow	SET SCHEMA 'app'
allow	SHOW search_path
allow	SHOW server_version
allow	SHOW ALL
allow	SHOW TIME ZONE
allow	SHOW transaction_isolation
allow	DISCARD ALL
allow	LISTEN orders_changed
allow	UNLISTEN *
allow	NOTIFY orders_changed, 'id=1'
allow	EXPLAIN SELECT * FROM orders WHERE id = 1
allow	EXPLAIN (COSTS OFF) SELECT * FROM orders
allow	EXPLAIN (FORMAT JSON) SELECT * FROM orders WHERE status = ?
allow	EXPLAIN ANALYZE SELECT count(*) FROM orders
allow	EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE id = ?
allow	EXPLAIN DELETE FROM orders WHERE id = 1
allow	EXPLAIN UPDATE orders SET status = 'x' WHERE id = 1
allow	EXPLAIN INSERT INTO orders (id, status) VALUES (1, 'x')
allow	EXPLAIN VERBOSE SELECT * FROM orders
allow	BEGIN
allow	COMMIT
allow	ROLLBACK
allow	START TRANSACTION ISOLATION LEVEL REPEATABLE READ
allow	SAVEPOINT s1
allow	RELEASE SAVEPOINT s1
allow	ROLLBACK TO SAVEPOINT s1
allow	SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
allow	SELECT pg_advisory_lock(42)
allow	SELECT pg_advisory_unlock(42)
allow	SELECT nextval('orders_id_seq')
allow	SELECT currval('orders_id_seq')
allow	SELECT version()
allow	SELECT current_schema(), current_database(), current_user
allow	SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
allow	SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?
allow	SELECT * FROM pg_indexes WHERE tablename = 'orders'
allow	SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
allow	SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass
allow	INSERT INTO orders (id, customer_id, total, status) VALUES (default, ?, ?, ?)
allow	INSERT INTO orders (customer_id, total) VALUES (?, ?) RETURNING id
allow	INSERT INTO orders (customer_id, total) SELECT id, 0 FROM customers WHERE tier = 'new'
allow	INSERT INTO orders (id, status) VALUES (?, ?) ON CONFLICT (id) DO NOTHING
allow	UPDATE orders SET status = 'shipped' WHERE id IN (SELECT order_id FROM shipments WHERE shipped_at IS NOT NULL)
allow	UPDATE orders o SET total = o.total * 1.1 FROM customers c WHERE c.id = o.customer_id AND c.tier = 'gold'
allow	DELETE FROM order_items WHERE order_id = ? AND product_id = ?
allow	DELETE FROM orders o USING customers c WHERE c.id = o.customer_id AND c.tier = 'banned'
allow	WITH moved AS (UPDATE orders SET status = 'archived' WHERE placed_at < ? RETURNING id) SELECT count(*) FROM moved
approve	create table customers2 (id bigint not null, email varchar(255), name varchar(255), primary key (id))
approve	create sequence customers_seq start with 1 increment by 50
approve	create sequence hibernate_sequence start 1 increment 1
approve	alter table if exists orders add constraint FK_orders_customer foreign key (customer_id) references customers
approve	alter table orders add column note varchar(255)
approve	alter table orders alter column note type text
approve	alter table orders drop column if exists note
approve	create index idx_orders_customer on orders (customer_id)
approve	CREATE INDEX ON orders (status)
approve	CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_products_sku ON products (sku)
approve	CREATE INDEX CONCURRENTLY ON orders (placed_at)
allow	CREATE TABLE IF NOT EXISTS "flyway_schema_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP NOT NULL DEFAULT now(), "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL)
allow	ALTER TABLE "flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank")
allow	CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success")
allow	SELECT "installed_rank","version","description","type","script","checksum","installed_on","installed_by","execution_time","success" FROM "flyway_schema_history" WHERE "installed_rank" > ? ORDER BY "installed_rank"
allow	INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
approve	CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255), CONSTRAINT DATABASECHANGELOGLOCK_PKEY PRIMARY KEY (ID))
allow	SELECT COUNT(*) FROM public.databasechangeloglock
allow	UPDATE public.databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = '10.0.0.5 (10.0.0.5)', LOCKGRANTED = NOW() WHERE ID = 1 AND LOCKED = FALSE
allow	UPDATE public.databasechangeloglock SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1
allow	SELECT MD5SUM FROM public.databasechangelog WHERE MD5SUM IS NOT NULL
approve	CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))
approve	CREATE TEMP TABLE scratch (id int, v text)
approve	CREATE TEMPORARY TABLE scratch2 AS SELECT id FROM orders WHERE status = 'new'
approve	CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open'
approve	CREATE OR REPLACE VIEW open_orders AS SELECT id, total, status FROM orders WHERE status = 'open'
allow	COMMENT ON TABLE orders IS 'customer orders'
allow	COMMENT ON COLUMN orders.total IS 'gross amount'
approve	ALTER TABLE orders RENAME COLUMN note TO remark
approve	ALTER TABLE orders ADD COLUMN IF NOT EXISTS remark text
approve	ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new'
approve	ALTER TABLE orders ALTER COLUMN status SET NOT NULL
approve	ALTER SEQUENCE orders_id_seq RESTART WITH 1000
approve	CREATE SCHEMA IF NOT EXISTS reporting
allow	ANALYZE orders
allow	VACUUM orders
allow	SELECT * FROM customers WHERE doc ? 'plan' AND doc ?| array['a'] AND tier = ?
allow	SELECT id FROM customers WHERE (doc -> 'items') ? 'sku'
