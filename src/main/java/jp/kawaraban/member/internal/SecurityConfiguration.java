package jp.kawaraban.member.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.member.MemberProperties;
import jp.kawaraban.member.Role;
import jp.kawaraban.platform.operator.OperatorToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
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
        var services = new RememberedDevices("kawaraban-remember-device", users, tokens, JdbcClient.create(dataSource));
        services.setParameter("remember");
        services.setCookieName("KAWARABAN_REMEMBER");
        services.setTokenValiditySeconds((int) properties.rememberDevice().toSeconds());
        return services;
    }

    /**
     * {@code /operator/**}: only for commands run from the jar on this machine, with the token
     * the site wrote to its data directory ({@link OperatorToken}). No session, no cookies, so
     * no CSRF; anything else is 401.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operatorChain(HttpSecurity http, OperatorToken token) throws Exception {
        http.securityMatcher("/operator/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OPERATOR"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new OperatorTokenFilter(token), AuthorizationFilter.class);
        return http.build();
    }

    /** Authenticates a request carrying {@code Authorization: Bearer <the operator token>}. */
    private static final class OperatorTokenFilter extends OncePerRequestFilter {

        private static final String BEARER = "Bearer ";
        private final OperatorToken token;

        OperatorTokenFilter(OperatorToken token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith(BEARER) && token.accepts(header.substring(BEARER.length()))) {
                var operator = new PreAuthenticatedAuthenticationToken("operator", null,
                        List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(operator);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle,
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
                .headers(SecurityHeaders::add)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/billing/webhooks/**", "/newsletters/unsubscribe", "/newsletters/webhooks/**"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                request -> true))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static void failedLogin(LoginThrottle throttle, HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException failure) throws IOException {
        throttle.failed(request.getParameter("email"), request.getRemoteAddr());
        String reason = failure instanceof DisabledException ? "unverified" : "failed";
        response.sendRedirect(LOGIN + "?" + reason + nextParameter(request));
    }

    private static String nextParameter(HttpServletRequest request) {
        return jp.kawaraban.platform.web.LocalPaths.nextParameter(request.getParameter("next"));
    }

    /**
     * Lets a log-in attempt through to the password check only when its client may try this
     * account now; otherwise back to the form, which says how long to wait (and
     * {@code Retry-After} says it to programs). The password is not checked meanwhile, so
     * waiting attempts teach a guesser nothing and count for nothing.
     */
    private static final class LoginThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        LoginThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath())) {
                var wait = throttle.admit(request.getParameter("email"), request.getRemoteAddr());
                if (wait.isPresent()) {
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    response.setHeader("Retry-After", Long.toString(seconds));
                    response.sendRedirect(LOGIN + "?wait=" + seconds + nextParameter(request));
                    return;
                }
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
        private final LoginThrottle throttle;

        ReturnToPage(LoginThrottle throttle) {
            this.throttle = throttle;
            setDefaultTargetUrl("/my/account");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws ServletException, IOException {
            throttle.succeeded(request.getParameter("email"), request.getRemoteAddr());
            var session = request.getSession();
            String agent = request.getHeader("User-Agent");
            session.setAttribute(DeviceSessions.DEVICE_ATTRIBUTE, agent == null ? ""
                    : agent.substring(0, Math.min(agent.length(), DEVICE_DESCRIPTION_LENGTH)));
            session.setAttribute(DeviceSessions.LOGIN_AT_ATTRIBUTE, Instant.now());
            // Log-in replaced the CSRF token; make the new one now, so that the pages opened next
            // all at once (restored tabs) find it stored instead of each making one of its own
            // that the others overwrite, which would leave all but one tab with forms refused.
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
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
            return jp.kawaraban.platform.web.LocalPaths.safe(next);
        }
    }
}
