package jp.kawaraban.member.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.member.LinkPurpose;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.web.LocalPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails that answer a request about an address — sign-up, verification again, password
 * reset, change of email — sent after the request has been answered (decision 0021). The
 * request only queues what was asked, the same row whether or not the address has an
 * account; looking the account up, making the link and talking to the mail server happen on
 * another thread once the request's transaction has committed. So neither the answer nor its
 * time tells a stranger whether an address is registered, and a mail server that is slow or
 * down does not either. A request whose mail could not go (a crash, the server down) is
 * taken up again every minute, for a day.
 * <p>
 * Sending one: the request is claimed for a while (so that no other thread or node sends it
 * meanwhile), its link made and committed — the link must work the moment the mail is read —
 * then the mail sent, and only then the request forgotten. A crash between the last two
 * sends the mail again later, with a new link that replaces the first.
 */
@Component
public class AccountMails {

    public enum Kind { SIGN_UP, VERIFY_AGAIN, RESET, CHANGE_EMAIL }

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final MemberRepository accounts;
    private final TokenLinks links;
    private final MemberMail mail;
    private final TaskExecutor executor;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccountMails(JdbcClient jdbc, MemberRepository accounts, TokenLinks links, MemberMail mail,
                 @Qualifier("applicationTaskExecutor") TaskExecutor executor, PlatformTransactionManager transactions,
                 Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.links = links;
        this.mail = mail;
        this.executor = executor;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Queues a mail request: {@code member} is the account a sign-up just created (or would
     * have) or the member changing address; {@code newEmail} the address asked for.
     */
    public void request(Kind kind, String email, MemberId member, String newEmail) {
        request(kind, email, member, newEmail, null);
    }

    /**
     * As {@link #request(Kind, String, MemberId, String)}, for a sign-up made on the way to a
     * page: {@code returnTo} (a local path, or null) goes into the verification link, so that
     * confirming the address leads back there.
     */
    public void request(Kind kind, String email, MemberId member, String newEmail, String returnTo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO member_mail_request (id, kind, email, member_id, new_email, requested_at, return_to)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind.name(), email, member == null ? null : member.value(), newEmail,
                        Timestamp.from(clock.instant()), LocalPaths.safe(returnTo)).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendSoon(id);
                }
            });
        } else {
            sendSoon(id);
        }
    }

    private void sendSoon(UUID id) {
        executor.execute(() -> {
            try {
                send(id);
            } catch (RuntimeException failed) {
                log.warn("Account mail not sent now; it is tried again within minutes: {}", failed.toString());
            }
        });
    }

    /** Requests left by a crash or by a mail server that was down: sent now, one at a time. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sendLeftOver() {
        Instant now = clock.instant();
        int abandoned = jdbc.sql("DELETE FROM member_mail_request WHERE requested_at < ?")
                .param(Timestamp.from(now.minus(GIVE_UP_AFTER))).update();
        if (abandoned > 0) {
            log.warn("{} account mails could not be sent for a day and are given up", abandoned);
        }
        List<UUID> waiting = jdbc.sql("""
                        SELECT id FROM member_mail_request
                        WHERE requested_at < ? AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY requested_at LIMIT 100""")
                .params(Timestamp.from(now.minus(RETRY_AFTER)), Timestamp.from(now)).query(UUID.class).list();
        for (UUID id : waiting) {
            try {
                send(id);
            } catch (RuntimeException failed) {
                log.warn("Account mail still not sent: {}", failed.toString());
                return; // the mail server is likely down: the next round tries again
            }
        }
    }

    /** Claims the request, makes its link (committed), sends its mail, forgets the request. */
    void send(UUID id) {
        Optional<Request> request = claim(id);
        if (request.isEmpty()) {
            return; // sent already, or being sent by another thread or node
        }
        Optional<Runnable> mailToSend = transaction.execute(status -> prepare(request.get()));
        mailToSend.ifPresent(Runnable::run); // MailNotSentException leaves the request claimed: tried again later
        jdbc.sql("DELETE FROM member_mail_request WHERE id = ?").param(id).update();
    }

    private record Request(Kind kind, String email, MemberId member, String newEmail, String returnTo) {
    }

    private Optional<Request> claim(UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE member_mail_request SET claimed_until = ?
                        WHERE id = ? AND (claimed_until IS NULL OR claimed_until < ?)
                        RETURNING kind, email, member_id, new_email, return_to""")
                .params(Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now))
                .query((rs, n) -> new Request(Kind.valueOf(rs.getString("kind")), rs.getString("email"),
                        rs.getObject("member_id", UUID.class) == null ? null
                                : new MemberId(rs.getObject("member_id", UUID.class)),
                        rs.getString("new_email"), rs.getString("return_to")))
                .optional();
    }

    /** Looks the address up and makes the link the mail carries; the mail to send, if any. */
    private Optional<Runnable> prepare(Request request) {
        return switch (request.kind()) {
            case SIGN_UP -> {
                // The sign-up created this account, or found the address taken by another.
                Optional<Member> created = account(request.member()).filter(member -> !member.emailVerified());
                if (created.isPresent()) {
                    yield verify(created.get(), request.returnTo());
                }
                yield accountOf(request.email()).map(owner -> () -> mail.alreadyRegistered(owner));
            }
            case VERIFY_AGAIN -> accountOf(request.email()).filter(member -> !member.emailVerified())
                    .flatMap(member -> verify(member, null));
            case RESET -> accountOf(request.email()).map(member -> {
                String token = links.issue(member.id(), LinkPurpose.RESET_PASSWORD, null);
                return () -> mail.resetPassword(member, token);
            });
            case CHANGE_EMAIL -> {
                if (accountOf(request.newEmail()).isPresent()) {
                    yield Optional.of(() -> mail.addressInUse(request.newEmail())); // its owner hears, not the requester
                }
                yield account(request.member()).map(member -> {
                    String token = links.issue(member.id(), LinkPurpose.CHANGE_EMAIL, request.newEmail());
                    return () -> mail.confirmNewEmail(member, request.newEmail(), token);
                });
            }
        };
    }

    private Optional<Runnable> verify(Member member, String returnTo) {
        String token = links.issue(member.id(), LinkPurpose.VERIFY_EMAIL, null);
        return Optional.of(() -> mail.verifyEmail(member, token, returnTo));
    }

    private Optional<Member> account(MemberId id) {
        return id == null ? Optional.empty() : accounts.find(id).map(MemberRepository.Account::member);
    }

    private Optional<Member> accountOf(String email) {
        return accounts.findByEmail(email).map(MemberRepository.Account::member);
    }
}
