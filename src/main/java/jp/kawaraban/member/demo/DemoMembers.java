package jp.kawaraban.member.demo;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Role;
import jp.kawaraban.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One account for each kind of user, in demo mode only, so every part of the site can be
 * tried at once. The password comes from {@code KAWARABAN_DEMO_PASSWORD}; without it one is
 * generated and printed once, when the accounts are created. Their subscriptions (paid,
 * trial) are set up by {@code access}'s demo, which runs after this.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoMembers implements ApplicationRunner {

    /** The demo accounts: address, display name, roles. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("free@example.com", "無料 会員", EnumSet.noneOf(Role.class)),
            new DemoAccount("paid@example.com", "有料 会員", EnumSet.noneOf(Role.class)),
            new DemoAccount("trial@example.com", "お試し 会員", EnumSet.noneOf(Role.class)),
            new DemoAccount("expert@example.com", "識者 花子", EnumSet.of(Role.EXPERT)),
            new DemoAccount("editor@example.com", "編集 太郎", EnumSet.of(Role.EDITOR)),
            new DemoAccount("admin@example.com", "管理 者", EnumSet.of(Role.ADMIN, Role.EDITOR)));

    record DemoAccount(String email, String name, Set<Role> roles) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final DemoMode demoMode;
    private final String configuredPassword;

    DemoMembers(Accounts accounts, DemoMode demoMode, @Value("${KAWARABAN_DEMO_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.demoMode = demoMode;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        List<DemoAccount> missing = ACCOUNTS.stream().filter(a -> accounts.findByEmail(a.email()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        if (!Accounts.strongEnough(password)) {
            throw new IllegalStateException("KAWARABAN_DEMO_PASSWORD must have " + Accounts.MIN_PASSWORD_LENGTH
                    + " to " + Accounts.MAX_PASSWORD_LENGTH + " characters");
        }
        for (DemoAccount account : missing) {
            accounts.createVerified(account.email(), password, account.name(), account.roles());
        }
        if (generated) {
            // Printed once: only a hash is stored, so this is the one chance to read it.
            log.warn("Demo accounts created ({}); their password is: {}",
                    String.join(", ", missing.stream().map(DemoAccount::email).toList()), password);
        } else {
            log.info("Demo accounts created with the password from KAWARABAN_DEMO_PASSWORD");
        }
    }

    private static String generate() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
