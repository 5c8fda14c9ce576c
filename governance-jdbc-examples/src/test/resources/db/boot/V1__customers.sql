CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200));
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com');
INSERT INTO customers VALUES (2, 'Grace', 'grace@example.com');
