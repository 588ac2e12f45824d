-- The desk's workflow lives on the article row: drafts and scheduled articles are rows readers
-- never see (every reader query asks for status 'PUBLISHED'), so publishing is a status change
-- and the editors' list is one table (docs/decisions/0011).

alter table article drop constraint article_status_check;
alter table article add constraint article_status_check
    check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN'));
alter table article alter column published_at drop not null;
alter table article alter column status set default 'DRAFT';

alter table article
    add column scheduled_at    timestamptz,
    add column version         integer not null default 1,
    add column created_at      timestamptz,
    add column edited_at       timestamptz,
    add column correction_note text,
    add column corrected_at    timestamptz,
    add column withdrawn_at    timestamptz;

update article set created_at = published_at, edited_at = coalesce(updated_at, published_at);
alter table article alter column created_at set not null;
alter table article alter column edited_at set not null;

alter table article add constraint article_published_has_date
    check (status in ('DRAFT', 'SCHEDULED') or published_at is not null);
alter table article add constraint article_scheduled_has_time
    check (status <> 'SCHEDULED' or scheduled_at is not null);

-- The desk lists every article, newest edit first; the scheduler looks for due ones.
create index article_desk_idx on article (edited_at desc, id);
create index article_due_idx on article (scheduled_at) where status = 'SCHEDULED';

-- What kind of change each revision was: first publication, an update, or a correction.
alter table article_revision add column kind text not null default 'UPDATE'
    check (kind in ('PUBLISH', 'UPDATE', 'CORRECTION'));
update article_revision set kind = 'PUBLISH' where revision = 1;
