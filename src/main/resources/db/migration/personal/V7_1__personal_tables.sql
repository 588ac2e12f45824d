-- personal: follows, My News, saved articles and saved figures.

-- What a member follows. kind: SERIES, COLUMN (both match an article's series code), KEYWORD, ENTITY.
-- label is the name shown ("ウィットコフ", the series' name) as it was when followed.
create table personal_follow (
    member_id   uuid        not null,
    kind        text        not null check (kind in ('SERIES', 'COLUMN', 'KEYWORD', 'ENTITY')),
    value       text        not null check (length(value) between 1 and 200),
    label       text        not null,
    followed_at timestamptz not null,
    primary key (member_id, kind, value)
);

-- Each published article's tags, written when it is published or updated and dropped when it
-- is withdrawn. kind: SERIES (series or column code), KEYWORD (editors' keyword), ENTITY (entity id,
-- found by every spelling variant). My News reads the newest articles per followed tag from
-- personal_article_tag_feed, an index-only scan per follow.
create table personal_article_tag (
    article_id   text        not null,
    kind         text        not null check (kind in ('SERIES', 'KEYWORD', 'ENTITY')),
    value        text        not null,
    published_at timestamptz not null,
    primary key (article_id, kind, value)
);
create index personal_article_tag_feed on personal_article_tag (kind, value, published_at desc, article_id desc);

-- Which articles a member has opened (for My News' unread marks).
create table personal_read (
    member_id  uuid        not null,
    article_id text        not null,
    read_at    timestamptz not null,
    primary key (member_id, article_id)
);

-- Saved articles: the headline is kept so that an article withdrawn later still shows as a notice.
create table personal_saved_article (
    member_id    uuid        not null,
    article_id   text        not null,
    headline     text        not null,
    saved_at     timestamptz not null,
    withdrawn_at timestamptz,
    primary key (member_id, article_id)
);
create index personal_saved_article_newest on personal_saved_article (member_id, saved_at desc);
create index personal_saved_article_by_article on personal_saved_article (article_id);

-- Saved figures: one figure (image) of one article.
create table personal_saved_figure (
    member_id    uuid        not null,
    article_id   text        not null,
    image_id     text        not null,
    caption      text        not null,
    credit       text        not null,
    headline     text        not null,
    saved_at     timestamptz not null,
    withdrawn_at timestamptz,
    primary key (member_id, article_id, image_id)
);
create index personal_saved_figure_newest on personal_saved_figure (member_id, saved_at desc);
create index personal_saved_figure_by_article on personal_saved_figure (article_id);

-- Set once every article published before this module existed has been tagged.
create table personal_backfill (
    done_at timestamptz not null
);
