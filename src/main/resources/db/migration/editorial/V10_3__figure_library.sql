-- The desk's figure library: one row per uploaded figure, for the list of recent uploads and
-- the markup to paste. The image bytes themselves are kept by the article module's image
-- store (docs/decisions/0011); this table only describes them.

create table editorial_figure (
    id                text primary key,
    file_name         text,
    caption           text not null,
    credit            text,
    content_type      text not null,
    width             integer,
    height            integer,
    byte_size         integer not null,
    uploaded_by       text not null,
    uploaded_by_name  text not null,
    uploaded_at       timestamptz not null
);

create index editorial_figure_uploaded_at_idx on editorial_figure (uploaded_at desc);
