-- The paid plans' terms, edited by administrators at /admin/plans (docs/decisions/0024).
-- Before, names and prices were constants in code. What a plan *is* (its code and billing
-- period) stays in code; what it costs and says is here. No rows are made here: the demo
-- edition saves its plans through the same path an administrator uses.
CREATE TABLE access_plan (
    plan              TEXT PRIMARY KEY CHECK (plan IN ('MONTHLY', 'YEARLY')),
    name              TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
    price_yen         INT NOT NULL CHECK (price_yen BETWEEN 0 AND 1000000),
    -- The payment provider's id of this price (Stripe: price_…); empty: the configured one.
    provider_price_id TEXT NOT NULL DEFAULT '',
    includes          TEXT NOT NULL DEFAULT '',
    updated_at        TIMESTAMPTZ NOT NULL
);

-- What the member agreed to pay, fixed when they added payment: a later price change on
-- the plan leaves it alone. Null for a trial without payment. Subscriptions made before
-- this migration were sold at the prices that were in code then.
ALTER TABLE access_subscription ADD COLUMN price_yen INT CHECK (price_yen >= 0);
UPDATE access_subscription SET price_yen = CASE plan WHEN 'MONTHLY' THEN 1800 WHEN 'YEARLY' THEN 18000 END
WHERE payment_on_file;

-- The plans a campaign's trial leads to; its trial runs on the first.
ALTER TABLE access_campaign ADD COLUMN plans TEXT[] NOT NULL DEFAULT ARRAY['MONTHLY', 'YEARLY']
    CHECK (cardinality(plans) > 0 AND plans <@ ARRAY['MONTHLY', 'YEARLY']);
