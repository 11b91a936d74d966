package dev.threadline.examples.console.web;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.Team;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The console's sign-ins: a login per staff user, named by their email, with a hashed password. At start it makes
 * sure the first owner from {@code console.owner.*} exists as a staff user and can sign in (a password changed later
 * is kept).
 */
@Component
public final class ConsoleLogins implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLogins.class);
    /** Spring Security needs an authority per login; what a person may do is their staff role's business. */
    private static final String AUTHORITY = "ROLE_STAFF";

    private final JdbcUserDetailsManager logins;
    private final PasswordEncoder encoder;
    private final MessageManager manager;
    private final ConsoleProperties properties;
    private final TransactionOperations transactions;

    ConsoleLogins(JdbcUserDetailsManager logins, PasswordEncoder encoder, MessageManager manager, ConsoleProperties properties,
                  TransactionOperations transactions) {
        this.logins = logins;
        this.transactions = transactions;
        this.encoder = encoder;
        this.manager = manager;
        this.properties = properties;
    }

    /**
     * Sets the password of the login named by {@code user}'s email, creating the login when it has none. One
     * transaction: the login and its authority are separate rows, and a login left without its authority cannot sign in.
     */
    public void setPassword(StaffUser user, String password) {
        UserDetails login = User.withUsername(user.email()).password(encoder.encode(password)).authorities(AUTHORITY).build();
        transactions.executeWithoutResult(status -> {
            if (logins.userExists(user.email())) {
                logins.updateUser(login);
            } else {
                logins.createUser(login);
            }
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        ConsoleProperties.Owner owner = properties.owner();
        if (owner == null) {
            return;
        }
        Team team = manager.team(Actor.apiKey(properties.tenant(), "configuration"));
        StaffUser user = team.users().stream().filter(u -> u.email().equalsIgnoreCase(owner.email())).findFirst()
                .orElseGet(() -> team.createUser(owner.email(), "Owner", Role.OWNER, Set.of()));
        if (!logins.userExists(user.email())) {
            setPassword(user, owner.password());
            log.info("Created the first owner's sign-in for {}", user.email());
        }
    }
}
