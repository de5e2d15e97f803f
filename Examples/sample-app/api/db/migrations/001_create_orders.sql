-- The orders table the API writes and the worker reads.
CREATE TABLE orders (
    id SERIAL PRIMARY KEY,
    book_id TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    price INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Seeded drift for `oss-integration check`: prices are now stored in cents, but api/src/orders.ts (whose `pg`
-- client the unit test mocks) still inserts `price`.
ALTER TABLE orders RENAME COLUMN price TO price_cents;
