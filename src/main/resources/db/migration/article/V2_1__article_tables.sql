-- Articles: the current version in `article`, every version ever saved in `article_revision`.
-- Version numbers: platform 1.x, article 2.x; each module keeps its own block (docs/decisions/0002).

create table article_section (
    code     text primary key,
    name     text not null,
    position integer not null
);

create table article_series (
    code        text primary key,
    name        text not null,
    kind        text not null check (kind in ('series', 'column')),
    description text
);

create table article (
    id             text primary key check (id ~ '^[a-z0-9]{12}$'),
    source_key     text unique,
    headline       text not null check (length(headline) between 1 and 300),
    subheadline    text,
    lead           text not null,
    body           jsonb not null,
    bylines        text[] not null check (cardinality(bylines) >= 1),
    section_code   text not null references article_section (code),
    series_code    text references article_series (code),
    keywords       text[] not null default '{}',
    access_level   text not null check (access_level in ('FREE', 'MEMBERS', 'PAID')),
    status         text not null default 'PUBLISHED' check (status in ('PUBLISHED', 'WITHDRAWN')),
    published_at   timestamptz not null,
    updated_at     timestamptz,
    update_note    text,
    source_outlet  text,
    source_url     text,
    top_story      boolean not null default false,
    related_ids    text[] not null default '{}',
    revision       integer not null default 1
);

create index article_published_idx on article (published_at desc) where status = 'PUBLISHED';
create index article_section_idx on article (section_code, published_at desc) where status = 'PUBLISHED';
create index article_series_idx on article (series_code, published_at desc) where status = 'PUBLISHED';
create index article_keywords_idx on article using gin (keywords);

create table article_revision (
    article_id    text not null references article (id) on delete cascade,
    revision      integer not null,
    saved_at      timestamptz not null,
    note          text,
    content       jsonb not null,
    primary key (article_id, revision)
);

-- Images used by figures. Kept in the database so every app node serves the same files.
create table article_image (
    id            text primary key,
    content_type  text not null,
    bytes         bytea not null,
    created_at    timestamptz not null
);
