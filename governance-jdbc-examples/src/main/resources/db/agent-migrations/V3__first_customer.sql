INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com');
