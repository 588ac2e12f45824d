-- An article's tags are those of the latest analysis search announced (search.ArticleAnalysed;
-- decision 0008, revised). One row per article tagged or withdrawn: when the analysis its tags
-- came from read the article, so an older analysis delivered late changes nothing, and when the
-- article was withdrawn, after which no analysis tags it again (a withdrawn article stays so).
-- Writing this row first also queues two analyses of one article behind each other.
create table personal_article_analysis (
    article_id   text        primary key,
    analysed_at  timestamptz not null,
    withdrawn_at timestamptz
);

-- The one-off tagging of articles published before personal existed is gone: a search index
-- rebuild now tags every published article.
drop table personal_backfill;
