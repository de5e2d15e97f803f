-- Initial schema (PostgreSQL)
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    total NUMERIC(10, 2) NOT NULL DEFAULT 0,
    status VARCHAR(20) NOT NULL DEFAULT 'new',
    CONSTRAINT positive_total CHECK (total >= 0)
);

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    user_id INTEGER,
    action TEXT
);

CREATE INDEX orders_user_idx ON orders USING btree (user_id);

CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.created_at = now(); -- a semicolon inside a dollar-quoted body
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
