package dev.threadline.examples.console.web;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.StaffPasswords;
import dev.threadline.messaging.spring.StaffPrincipals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the console: people sign in with the form (a session cookie; writes carry the session's CSRF token),
 * scripts use HTTP Basic with a staff user's email and password, or an API key. Logins live in the app's database
 * (Spring Security's {@code users} and {@code authorities} tables), passwords as hashes of the current default
 * encoder. The admin routes, webhooks and the public contact form are let through here: the starter authenticates
 * them (keys, signatures) and decides per role and inbox who may do what.
 */
@Configuration
class ConsoleSecurity {

    /** Spring Security's documented schema for {@link JdbcUserDetailsManager}, written for any SQL database. */
    private static final String[] SCHEMA = {
            "create table if not exists users (username varchar(320) not null primary key, password varchar(500) not null,"
                    + " enabled boolean not null)",
            "create table if not exists authorities (username varchar(320) not null, authority varchar(50) not null,"
                    + " constraint authorities_user_fk foreign key (username) references users (username))",
            "create unique index if not exists authorities_username_uk on authorities (username, authority)"};

    private static final String UNAUTHORIZED_BODY = "{\"error\":{\"code\":\"unauthorized\",\"message\":"
            + "\"sign in, or send a staff user's email and password (HTTP Basic) or an API key\",\"field\":null}}";

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, @Value("${messaging.api.base-path:/api/admin/messaging}") String basePath)
            throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(basePath + "/**", "/webhooks/**", "/api/public/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", true))
                .httpBasic(basic -> basic.authenticationEntryPoint(ConsoleSecurity::unauthorized))
                .logout(Customizer.withDefaults())
                // Providers post webhooks without a token; API keys and Basic credentials ride on no cookie to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/public/**")
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .build();
    }

    /**
     * A request that is neither a browser's page load nor signed in (a script with wrong or no credentials) gets the
     * API's error body, as every admin route's errors do, with the Basic challenge.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Threadline\"");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(UNAUTHORIZED_BODY);
    }

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager consoleLoginTable(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String statement : SCHEMA) {
            jdbc.execute(statement);
        }
        JdbcUserDetailsManager logins = new JdbcUserDetailsManager(dataSource);
        // Login names are staff emails, stored lower-cased: "Owner@Spa.example" signs in as "owner@spa.example".
        logins.setUsersByUsernameQuery("select username, password, enabled from users where username = lower(?)");
        logins.setAuthoritiesByUsernameQuery("select username, authority from authorities where username = lower(?)");
        return logins;
    }

    /** A signed-in login is the staff user of the console's tenant with that email. */
    @Bean
    StaffPrincipals consoleStaffPrincipals(MessageManager manager, ConsoleProperties properties) {
        return principal -> manager.staffActor(properties.tenant(), principal.getName());
    }

    /** {@code password} on the staff user routes sets the login of the user's email. */
    @Bean
    StaffPasswords consoleStaffPasswords(ConsoleLogins logins) {
        return logins::setPassword;
    }
}
