package jp.kawaraban.personal.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.RequiresAccess;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.personal.FollowTarget;
import jp.kawaraban.personal.Follows;
import jp.kawaraban.personal.MyNews;
import jp.kawaraban.personal.PersonalInputException;
import jp.kawaraban.personal.Saves;
import jp.kawaraban.platform.web.CurrentRequest;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A member's own reading (personal): follow and save buttons, My News, the follows, saved
 * articles and saved figures. Every action declares what it needs ({@link RequiresAccess}); the buttons'
 * paths are outside {@code /my/} so that an anonymous reader gets the refusal (403, log in)
 * rather than a redirect. Without JavaScript a button posts and comes back (PRG); with htmx
 * ({@code HX-Request}) the answer is the button in its new state.
 */
@Controller
class PersonalPages {

    private static final int PAGE_SIZE = 20;

    private final Follows follows;
    private final Saves saves;
    private final MyNews news;
    private final Messages msg;

    PersonalPages(Follows follows, Saves saves, MyNews news, Messages msg) {
        this.follows = follows;
        this.saves = saves;
        this.news = news;
        this.msg = msg;
    }

    // --- buttons

    /** Where an anonymous reader's follow button leads: why not, and the way in. */
    @RequiresAccess(Action.FOLLOW)
    @GetMapping("/follows")
    String explainFollow() {
        return "redirect:/my/follows";
    }

    @RequiresAccess(Action.FOLLOW)
    @PostMapping("/follows")
    ModelAndView follow(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request,
                        @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
                        @RequestParam(defaultValue = "") String back, @RequestParam(defaultValue = "false") boolean compact) {
        var follow = follows.follow(member.id(), kind, value);
        return answer(request, back, "/my/follows", () -> look(PersonalButtons.button(
                new FollowTarget(follow.kind(), follow.value(), follow.label()), true, true, back), compact));
    }

    @RequiresAccess(Action.FOLLOW)
    @PostMapping("/follows/remove")
    ModelAndView unfollow(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request,
                          @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
                          @RequestParam(defaultValue = "") String back,
                          @RequestParam(defaultValue = "false") boolean compact) {
        follows.unfollow(member.id(), kind, value);
        return answer(request, back, "/my/follows", () -> follows.find(kind, value)
                .map(target -> look(PersonalButtons.button(target, false, true, back), compact)).orElse(null));
    }

    @RequiresAccess(Action.SAVE_ARTICLE)
    @GetMapping("/saves/articles")
    String explainSave() {
        return "redirect:/my/saved";
    }

    @RequiresAccess(Action.SAVE_ARTICLE)
    @PostMapping("/saves/articles")
    ModelAndView save(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request,
                      @RequestParam(defaultValue = "") String articleId, @RequestParam(defaultValue = "") String back) {
        saves.saveArticle(member.id(), articleId);
        return answer(request, back, "/my/saved", () -> saveButton(articleId, null, true, back));
    }

    @RequiresAccess(Action.SAVE_ARTICLE)
    @PostMapping("/saves/articles/remove")
    ModelAndView unsave(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request,
                        @RequestParam(defaultValue = "") String articleId, @RequestParam(defaultValue = "") String back) {
        saves.unsaveArticle(member.id(), articleId);
        return answer(request, back, "/my/saved", () -> saveButton(articleId, null, false, back));
    }

    @RequiresAccess(Action.SAVE_FIGURE)
    @GetMapping("/saves/figures")
    String explainSaveFigure() {
        return "redirect:/my/figures";
    }

    @RequiresAccess(Action.SAVE_FIGURE)
    @PostMapping("/saves/figures")
    ModelAndView saveFigure(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request,
                            @RequestParam(defaultValue = "") String articleId,
                            @RequestParam(defaultValue = "") String imageId, @RequestParam(defaultValue = "") String back) {
        saves.saveFigure(member.id(), articleId, imageId);
        return answer(request, back, "/my/figures", () -> saveButton(articleId, imageId, true, back));
    }

    @RequiresAccess(Action.SAVE_FIGURE)
    @PostMapping("/saves/figures/remove")
    ModelAndView unsaveFigure(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request,
                              @RequestParam(defaultValue = "") String articleId,
                              @RequestParam(defaultValue = "") String imageId, @RequestParam(defaultValue = "") String back) {
        saves.unsaveFigure(member.id(), articleId, imageId);
        return answer(request, back, "/my/figures", () -> saveButton(articleId, imageId, false, back));
    }

    // --- the member's pages

    @RequiresAccess(Action.FOLLOW)
    @GetMapping("/my/news")
    ModelAndView myNews(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "1") int page) {
        var feed = news.page(member.id(), page, PAGE_SIZE);
        return page("personal.news.title", "personal/myNews", Map.of("news", feed,
                "following", follows.follows(member.id()).size()));
    }

    @RequiresAccess(Action.FOLLOW)
    @GetMapping("/my/follows")
    ModelAndView myFollows(@AuthenticationPrincipal MemberPrincipal member) {
        var buttons = follows.follows(member.id()).stream()
                .map(f -> PersonalButtons.button(new FollowTarget(f.kind(), f.value(), f.label()), true, true,
                        "/my/follows"))
                .toList();
        return page("personal.follows.title", "personal/myFollows", Map.of("follows", buttons,
                "csrf", CurrentRequest.csrfToken()));
    }

    @RequiresAccess(Action.SAVE_ARTICLE)
    @GetMapping("/my/saved")
    ModelAndView mySaved(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String q,
                         @RequestParam(defaultValue = "1") int page) {
        var saved = saves.savedArticles(member.id(), q, new PageRequest(page, PAGE_SIZE));
        return page("personal.saved.title", "personal/mySaved", Map.of("saved", saved, "q", q.strip(),
                "path", listPath("/my/saved", q), "csrf", CurrentRequest.csrfToken()));
    }

    @RequiresAccess(Action.SAVE_FIGURE)
    @GetMapping("/my/figures")
    ModelAndView myFigures(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String q,
                           @RequestParam(defaultValue = "1") int page) {
        var saved = saves.savedFigures(member.id(), q, new PageRequest(page, PAGE_SIZE));
        return page("personal.figures.title", "personal/myFigures", Map.of("figures", saved, "q", q.strip(),
                "path", listPath("/my/figures", q), "csrf", CurrentRequest.csrfToken()));
    }

    /** Unknown series or entity, empty or over-long keyword, no such article or figure: said plainly, nothing stored. */
    @ExceptionHandler(PersonalInputException.class)
    ModelAndView badInput(PersonalInputException e) {
        HttpStatus status = e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        ModelAndView view = page("personal.error.title", "personal/personalNotice",
                Map.of("message", msg.get(e.messageKey())));
        view.setStatus(status);
        return view;
    }

    private ModelAndView page(String titleKey, String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("meta", PageMeta.hidden(msg.get(titleKey)));
        return new ModelAndView(template, all);
    }

    /** The swapped button looks as the one it replaces: a chip stays a chip. */
    private static FollowButton look(FollowButton button, boolean compact) {
        return compact ? button.asCompact() : button;
    }

    private SaveButton saveButton(String articleId, String imageId, boolean saved, String back) {
        return new SaveButton(articleId, imageId, saved, true, true, CurrentRequest.csrfToken(), back);
    }

    /** htmx gets the button in its new state; a plain form goes back to where it was (PRG). */
    private ModelAndView answer(HttpServletRequest request, String back, String fallback,
                                java.util.function.Supplier<Object> button) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            Object swapped = button.get();
            if (swapped instanceof FollowButton follow) {
                return new ModelAndView("personal/tag/followButton", Map.of("msg", msg, "button", follow));
            }
            if (swapped instanceof SaveButton save) {
                return new ModelAndView("personal/tag/saveButton", Map.of("msg", msg, "button", save));
            }
        }
        return new ModelAndView("redirect:" + safeBack(back, fallback));
    }

    /** A path on this site, or the fallback: never another site ({@code //host}, {@code https:}). */
    static String safeBack(String back, String fallback) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.length() > 500 || back.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return back;
    }

    private static String listPath(String base, String q) {
        return q.isBlank() ? base : base + "?q=" + java.net.URLEncoder.encode(q.strip(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
