-- When each article row last changed, on the database's clock (one clock for every node), so a
-- node that was not listening to the others (stopped, or cut off from the database) can ask
-- which articles changed meanwhile and bring what it keeps for itself, its search index, up to
-- date (docs/decisions/0030). Set by a trigger, so no writer (the desk, imports, restores,
-- an operator's SQL) can forget it.

alter table article add column changed_at timestamptz not null default clock_timestamp();

create function article_touch_changed_at() returns trigger language plpgsql as $$
begin
    new.changed_at := clock_timestamp();
    return new;
end
$$;

create trigger article_changed_at before update on article
    for each row execute function article_touch_changed_at();

create index article_changed_idx on article (changed_at);
