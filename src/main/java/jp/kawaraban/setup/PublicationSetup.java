package jp.kawaraban.setup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.ImportProperties;
import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import jp.kawaraban.platform.web.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: makes an empty installation a newspaper, once. Everything is checked before
 * anything is stored, and all of it is stored in one transaction, so a refusal or a failure
 * leaves the installation as it was — still waiting for setup.
 */
@Service
public class PublicationSetup {

    /** The starter sections, code and name, in navigation order. */
    public static final Map<String, String> STARTER_SECTIONS = starters();
    /** The first administrator's display name, until they change it. */
    static final String ADMIN_NAME = "管理者";

    private final Accounts accounts;
    private final Vocabulary vocabulary;
    private final Settings settings;
    private final AuditLog audit;
    private final Messages msg;
    private final Clock clock;
    private final ImportProperties imports;

    PublicationSetup(Accounts accounts, Vocabulary vocabulary, Settings settings, AuditLog audit, Messages msg, Clock clock,
                     ImportProperties imports) {
        this.imports = imports;
        this.accounts = accounts;
        this.vocabulary = vocabulary;
        this.settings = settings;
        this.audit = audit;
        this.msg = msg;
        this.clock = clock;
    }

    /**
     * What setup asks for.
     *
     * @param sections      the starter sections as {@code code:名前} items separated by commas or
     *                      new lines (a starter's name alone is enough); blank for {@link #STARTER_SECTIONS}
     * @param postalAddress blank to keep {@code kawaraban.newsletter.postal-address} for now
     */
    public record Request(String name, String baseUrl, String adminEmail, String adminPassword, String sections,
                          String postalAddress) {

        @Override
        public String toString() { // never the password, should a request end up in a log
            return "Request[" + name + ", " + baseUrl + ", " + adminEmail + "]";
        }
    }

    /** Whether this installation still waits for setup: nobody administers it yet. */
    public boolean pending() {
        return !settings.isSetUp() && !accounts.hasAdministrator();
    }

    /** Checks {@code request} and stores it all, or nothing (a {@link SetupRefusal} says why). */
    @Transactional
    public Member setUp(Request request) {
        check(request);
        String name = Inputs.name(request.name());
        String baseUrl = Inputs.baseUrl(request.baseUrl());
        Map<String, String> sections = sections(request.sections());
        String postalAddress = request.postalAddress() == null || request.postalAddress().isBlank() ? null
                : Inputs.postalAddress(request.postalAddress());
        // The claim is the lock: a second setup running at the same time waits here, then finds it taken.
        if (!settings.claim(Setting.SET_UP_AT, clock.instant().toString()) || accounts.hasAdministrator()) {
            throw SetupRefusal.alreadySetUp();
        }
        if (accounts.findByEmail(request.adminEmail()).isPresent()) {
            throw SetupRefusal.invalid("adminEmail", "setup.error.adminEmailTaken");
        }
        // The first administrator edits too: on day one there is nobody else to import and publish.
        Member admin = accounts.createVerified(request.adminEmail(), request.adminPassword(), ADMIN_NAME,
                EnumSet.of(Role.ADMIN, Role.EDITOR));
        AuditLog.Actor actor = new AuditLog.Actor(admin.id().value().toString(), admin.displayName());
        var existing = vocabulary.sections().stream().map(s -> s.code()).toList();
        sections.forEach((code, sectionName) -> {
            if (!existing.contains(code)) {
                vocabulary.createSection(actor, code, sectionName);
            }
        });
        settings.store(Setting.PUBLICATION_NAME, name);
        settings.store(Setting.BASE_URL, baseUrl);
        if (postalAddress != null) {
            settings.store(Setting.NEWSLETTER_POSTAL_ADDRESS, postalAddress);
        }
        if (!sections.containsKey(imports.defaultSection())) {
            settings.store(Setting.IMPORT_DEFAULT_SECTION, sections.keySet().iterator().next());
        }
        audit.record(actor, "setup", "settings:publication", msg.get("setup.audit.done", name, baseUrl, admin.email(),
                String.join("、", sections.values())));
        return admin;
    }

    /**
     * The checks of the input alone, without the database: what the {@code setup} command
     * runs before it starts anything. Throws the {@link SetupRefusal} of the first field at fault.
     */
    public static void check(Request request) {
        Inputs.name(request.name());
        Inputs.baseUrl(request.baseUrl());
        if (!Accounts.plausibleEmail(request.adminEmail())) {
            throw SetupRefusal.invalid("adminEmail", "setup.error.adminEmail");
        }
        if (!Accounts.strongEnough(request.adminPassword())) {
            throw SetupRefusal.invalid("adminPassword", "setup.error.adminPassword", Accounts.MIN_PASSWORD_LENGTH,
                    Accounts.MAX_PASSWORD_LENGTH);
        }
        sections(request.sections());
        if (request.postalAddress() != null && !request.postalAddress().isBlank()) {
            Inputs.postalAddress(request.postalAddress());
        }
    }

    /** The sections asked for, code to name, in order; refused unless each is well formed and the codes differ. */
    static Map<String, String> sections(String list) {
        if (list == null || list.isBlank()) {
            return STARTER_SECTIONS;
        }
        Map<String, String> sections = new LinkedHashMap<>();
        for (String item : list.split("[,、\\n]")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String code;
            String name;
            int colon = entry.indexOf(':') >= 0 ? entry.indexOf(':') : entry.indexOf('：');
            if (colon >= 0) {
                code = entry.substring(0, colon).strip();
                name = entry.substring(colon + 1).strip();
            } else {
                name = entry;
                code = STARTER_SECTIONS.entrySet().stream().filter(e -> e.getValue().equals(entry)).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> SetupRefusal.invalid("sections", "setup.error.sectionCode", entry));
            }
            if (!Vocabulary.CODE.matcher(code).matches() || name.isEmpty() || name.length() > Vocabulary.SECTION_NAME_MAX
                    || sections.putIfAbsent(code, name) != null) {
                throw SetupRefusal.invalid("sections", "setup.error.section", entry, Vocabulary.SECTION_NAME_MAX);
            }
        }
        if (sections.isEmpty()) {
            throw SetupRefusal.invalid("sections", "setup.error.sectionsEmpty");
        }
        return sections;
    }

    /** The starter sections as the form shows them: {@code world:国際, politics:政治, …}. */
    public static String starterList() {
        List<String> items = new ArrayList<>();
        STARTER_SECTIONS.forEach((code, name) -> items.add(code + ":" + name));
        return String.join(", ", items);
    }

    private static Map<String, String> starters() {
        Map<String, String> starters = new LinkedHashMap<>();
        starters.put("world", "国際");
        starters.put("politics", "政治");
        starters.put("business", "経済");
        starters.put("society", "社会");
        starters.put("sports", "スポーツ");
        starters.put("technology", "テクノロジー");
        starters.put("culture", "文化");
        return java.util.Collections.unmodifiableMap(starters);
    }
}
