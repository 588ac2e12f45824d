package jp.kawaraban.personal;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kawaraban.access.Action;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.Series;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.personal.internal.FeedRepository;
import jp.kawaraban.personal.internal.KeptMemberLists;
import jp.kawaraban.personal.internal.PersonalRepository;
import jp.kawaraban.search.Entities;
import jp.kawaraban.text.Entity;
import org.springframework.stereotype.Service;

/**
 * Following series, columns, keywords and entities. Whether the member may follow at all is
 * {@code access}'s to say, and asked here whoever calls; this checks what is followed.
 */
@Service
public class Follows {

    /** Longer than any keyword editors use; keeps the table and the pages tidy. */
    public static final int MAX_KEYWORD_LENGTH = 50;
    /** A member's follows are read on every My News page: keep the list bounded. */
    public static final int MAX_FOLLOWS = 500;

    private final PersonalRepository repository;
    private final FeedRepository feed;
    private final ArticleCatalog catalog;
    private final Entities entities;
    private final Clock clock;
    private final Entitlements entitlements;
    private final KeptMemberLists kept;

    Follows(PersonalRepository repository, FeedRepository feed, ArticleCatalog catalog, Entities entities, Clock clock,
            Entitlements entitlements, KeptMemberLists kept) {
        this.kept = kept;
        this.entitlements = entitlements;
        this.repository = repository;
        this.feed = feed;
        this.catalog = catalog;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Follows what {@code kind} and {@code value} name; following again changes nothing.
     *
     * @throws PersonalInputException unknown kind, series or entity; empty or over-long keyword
     * @throws jp.kawaraban.access.ActionRefusedException when {@code access} does not let the member follow
     */
    public Follow follow(MemberId member, String kind, String value) {
        entitlements.require(member, Action.FOLLOW);
        FollowTarget target = target(kind, value);
        if (repository.countFollows(member) >= MAX_FOLLOWS) {
            throw new PersonalInputException("personal.error.tooManyFollows", false);
        }
        repository.follow(member, target.kind(), target.value(), target.label(), clock.instant());
        kept.changed(member);
        return new Follow(target.kind(), target.value(), target.label(), clock.instant());
    }

    /** Stops following; unfollowing what was not followed changes nothing. */
    public void unfollow(MemberId member, String kind, String value) {
        FollowKind parsed = FollowKind.parse(kind)
                .orElseThrow(() -> new PersonalInputException("personal.error.unknownKind", false));
        String normalised = parsed == FollowKind.KEYWORD ? keyword(value) : value == null ? "" : value.strip();
        if (parsed == FollowKind.SERIES || parsed == FollowKind.COLUMN) {
            repository.unfollow(member, FollowKind.SERIES, normalised);
            repository.unfollow(member, FollowKind.COLUMN, normalised);
        } else {
            repository.unfollow(member, parsed, normalised);
        }
        kept.changed(member);
    }

    /** Newest first. */
    public List<Follow> follows(MemberId member) {
        return repository.follows(member);
    }

    /** The keys ({@link FollowTarget#key()}) of everything the member follows (kept in memory per member). */
    public Set<String> followedKeys(MemberId member) {
        return kept.followedKeys(member);
    }

    /** What the article page offers to follow: the series or column, the keywords, the entities mentioned. */
    public List<FollowTarget> targetsOf(Article article) {
        List<FollowTarget> targets = new ArrayList<>();
        Series series = article.series();
        if (series != null) {
            targets.add(new FollowTarget(series.kind() == Series.Kind.COLUMN ? FollowKind.COLUMN : FollowKind.SERIES,
                    series.code(), series.name()));
        }
        Set<String> keywords = new LinkedHashSet<>();
        article.content().keywords().forEach(k -> keywords.add(normaliseKeyword(k)));
        keywords.stream().filter(k -> !k.isEmpty() && k.length() <= MAX_KEYWORD_LENGTH)
                .forEach(k -> targets.add(new FollowTarget(FollowKind.KEYWORD, k, k)));
        for (String id : feed.tagValues(article.id().value(), FollowKind.ENTITY.name())) {
            entities.find(id).ifPresent(entity -> targets.add(new FollowTarget(FollowKind.ENTITY, id, entity.canonicalName())));
        }
        return targets;
    }

    /** The target a listing or entity page offers, if {@code value} names one. */
    public Optional<FollowTarget> find(String kind, String value) {
        try {
            return Optional.of(target(kind, value));
        } catch (PersonalInputException unknown) {
            return Optional.empty();
        }
    }

    private FollowTarget target(String kind, String value) {
        FollowKind parsed = FollowKind.parse(kind)
                .orElseThrow(() -> new PersonalInputException("personal.error.unknownKind", false));
        String text = value == null ? "" : value.strip();
        return switch (parsed) {
            case SERIES, COLUMN -> {
                Series series = catalog.series(text)
                        .orElseThrow(() -> new PersonalInputException("personal.error.unknownSeries", true));
                yield new FollowTarget(series.kind() == Series.Kind.COLUMN ? FollowKind.COLUMN : FollowKind.SERIES,
                        series.code(), series.name());
            }
            case ENTITY -> {
                Entity entity = entities.find(text)
                        .orElseThrow(() -> new PersonalInputException("personal.error.unknownEntity", true));
                yield new FollowTarget(FollowKind.ENTITY, entity.id(), entity.canonicalName());
            }
            case KEYWORD -> {
                String keyword = keyword(text);
                yield new FollowTarget(FollowKind.KEYWORD, keyword, keyword);
            }
        };
    }

    private static String keyword(String value) {
        String keyword = normaliseKeyword(value);
        if (keyword.isEmpty()) {
            throw new PersonalInputException("personal.error.emptyKeyword", false);
        }
        if (keyword.length() > MAX_KEYWORD_LENGTH) {
            throw new PersonalInputException("personal.error.longKeyword", false);
        }
        return keyword;
    }

    /** The same form for a followed keyword and an article's keyword: NFKC (全角英数 → 半角), trimmed. */
    public static String normaliseKeyword(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }
}
