package jp.kawaraban.setup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The checks setup and the settings page share; each failure is a {@link SetupRefusal} naming its field. */
final class Inputs {

    static final int NAME_MAX = 40;
    static final int POSTAL_ADDRESS_MAX = 200;
    /** More would hand a closed article's readers most of a long story for free. */
    static final int PREVIEW_MAX = 2000;
    static final int ALLOWANCE_MAX = 100;

    private Inputs() {
    }

    static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > NAME_MAX || stripped.chars().anyMatch(Character::isISOControl)) {
            throw SetupRefusal.invalid("name", "setup.error.name", NAME_MAX);
        }
        return stripped;
    }

    /** An absolute http(s) address without path parameters, query or fragment; no trailing slash. */
    static String baseUrl(String url) {
        String stripped = url == null ? "" : url.strip();
        try {
            URI uri = new URI(stripped);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw SetupRefusal.invalid("baseUrl", "setup.error.baseUrl", stripped);
            }
        } catch (URISyntaxException malformed) {
            throw SetupRefusal.invalid("baseUrl", "setup.error.baseUrl", stripped);
        }
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    static String postalAddress(String address) {
        String stripped = address == null ? "" : address.strip();
        if (stripped.isEmpty() || stripped.length() > POSTAL_ADDRESS_MAX || stripped.chars().anyMatch(Character::isISOControl)) {
            throw SetupRefusal.invalid("postalAddress", "setup.error.postalAddress", POSTAL_ADDRESS_MAX);
        }
        return stripped;
    }

    static int number(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        try {
            int number = Integer.parseInt(stripped);
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as out of range
        }
        throw SetupRefusal.invalid(field, "setup.error." + field, String.valueOf(max)); // "2000", not "2,000"
    }
}
