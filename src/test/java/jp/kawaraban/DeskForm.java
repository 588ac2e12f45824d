package jp.kawaraban;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The editors' article form as a browser posts it, for tests that drive the desk over HTTP. */
public final class DeskForm {

    private DeskForm() {
    }

    /** A complete manuscript for the society section, no series, related articles or source. */
    public static Map<String, String> manuscript(String headline, String lead, String body, String keywords,
                                                 String access) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", headline);
        form.put("subheadline", "");
        form.put("lead", lead);
        form.put("body", body);
        form.put("bylines", "社会部 試験一郎");
        form.put("section", "society");
        form.put("series", "");
        form.put("keywords", keywords);
        form.put("access", access);
        form.put("related", "");
        form.put("sourceOutlet", "");
        form.put("sourceUrl", "");
        return form;
    }

    /** {@code form} with these fields (name, value, name, value…) added or replaced. */
    public static Map<String, String> with(Map<String, String> form, String... pairs) {
        Map<String, String> all = new LinkedHashMap<>(form);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put(pairs[i], pairs[i + 1]);
        }
        return all;
    }

    /** The new article's id, from the desk's redirect after creating it. */
    public static String idFrom(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^.*/editor/articles/([a-z0-9]{12}).*$", "$1");
    }
}
