-- The publication's runtime settings (decision 0023): what administrators change at
-- /admin/settings and what setup stores, read by every node through a short-lived cache.
-- A missing row means "the property's value"; infrastructure never lives here.
CREATE TABLE platform_setting (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
