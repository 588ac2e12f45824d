package jp.kawaraban.member.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.member.MemberProperties;
import jp.kawaraban.member.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach which address, and how members log in. Pages decide finer access through
 * {@code access}; this chain only keeps the staff desks and a member's own pages closed, and
 * handles log-in, "remember this device", log-out and CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "/login";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for every new hash; the prefix lets a later default take over without a migration.
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    PersistentTokenBasedRememberMeServices rememberMe(MemberUserDetailsService users, DataSource dataSource,
                                                     MemberProperties properties) {
        var tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        var services = new PersistentTokenBasedRememberMeServices("kawaraban-remember-device", users, tokens);
        services.setParameter("remember");
        services.setCookieName("KAWARABAN_REMEMBER");
        services.setTokenValiditySeconds((int) properties.rememberDevice().toSeconds());
        return services;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Throttle throttle,
                                            PersistentTokenBasedRememberMeServices rememberMe) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/editor/**").hasAnyRole(Role.EDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/my/**", "/billing/checkout", "/billing/portal", "/plans/trial").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(new ReturnToPage(throttle))
                        .failureHandler((request, response, failure) -> failedLogin(throttle, request, response, failure)))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut")
                        .deleteCookies("KAWARABAN_REMEMBER"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/billing/webhooks/**"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                request -> true))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static void failedLogin(Throttle throttle, HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException failure) throws IOException {
        throttle.record(Throttle.Kind.LOGIN, request.getRemoteAddr(), request.getParameter("email"));
        String reason = failure instanceof DisabledException ? "unverified" : "failed";
        response.sendRedirect(LOGIN + "?" + reason + nextParameter(request));
    }

    private static String nextParameter(HttpServletRequest request) {
        String next = ReturnToPage.safeNext(request.getParameter("next"));
        return next == null ? "" : "&next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Refuses log-in attempts over the limits before the password is even checked. */
    private static final class LoginThrottleFilter extends OncePerRequestFilter {

        private final Throttle throttle;

        LoginThrottleFilter(Throttle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath())
                    && throttle.blocked(Throttle.Kind.LOGIN, request.getRemoteAddr(), request.getParameter("email"))) {
                response.sendRedirect(LOGIN + "?throttled" + nextParameter(request));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * After log-in: back to the page the member came from (a relative path only, never
     * another site), and note the device for the account page's device list.
     */
    static final class ReturnToPage extends SavedRequestAwareAuthenticationSuccessHandler {

        private static final int DEVICE_DESCRIPTION_LENGTH = 200;
        private final Throttle throttle;

        ReturnToPage(Throttle throttle) {
            this.throttle = throttle;
            setDefaultTargetUrl("/my/account");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws ServletException, IOException {
            MemberPrincipal.of(authentication).ifPresent(member -> throttle.clear(Throttle.Kind.LOGIN, member.email()));
            var session = request.getSession();
            String agent = request.getHeader("User-Agent");
            session.setAttribute(DeviceSessions.DEVICE_ATTRIBUTE, agent == null ? ""
                    : agent.substring(0, Math.min(agent.length(), DEVICE_DESCRIPTION_LENGTH)));
            session.setAttribute(DeviceSessions.LOGIN_AT_ATTRIBUTE, Instant.now());
            String next = safeNext(request.getParameter("next"));
            if (next != null) {
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, next);
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }

        /** A path on this site, or null: {@code //evil.example} and {@code https://…} are refused. */
        static String safeNext(String next) {
            if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                    || next.length() > 500 || next.chars().anyMatch(c -> c < 0x20)) {
                return null;
            }
            return next;
        }
    }
}
