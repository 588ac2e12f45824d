package jp.kawaraban.member.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts use them: trimmed, lower-cased, plausibly deliverable. */
public final class Emails {

    // Deliberately plain: one @, a dot in the domain, no spaces. The verification mail is the real test.
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_LENGTH = 254;

    private Emails() {
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isPlausible(String email) {
        String normalised = normalise(email);
        return normalised.length() <= MAX_LENGTH && PLAUSIBLE.matcher(normalised).matches();
    }
}
