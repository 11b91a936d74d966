package dev.threadline.messaging.spring;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.intake.WebhookIntake;
import dev.threadline.messaging.sendgrid.SendGridEventParser;
import dev.threadline.messaging.sendgrid.SendGridEventProcessor;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spring.internal.IntakeLifecycle;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import dev.threadline.messaging.spring.internal.web.admin.ConversationController;
import dev.threadline.messaging.spring.internal.web.admin.DeadLetterController;
import dev.threadline.messaging.spring.internal.web.admin.MessageController;
import dev.threadline.messaging.spring.internal.web.contact.PublicContactController;
import dev.threadline.messaging.spring.internal.web.admin.SendController;
import dev.threadline.messaging.spring.internal.web.admin.TeamController;
import dev.threadline.messaging.spring.internal.web.automation.AnalyticsController;
import dev.threadline.messaging.spring.internal.web.automation.CampaignController;
import dev.threadline.messaging.spring.internal.web.automation.ContactController;
import dev.threadline.messaging.spring.internal.web.automation.ScheduledMessageController;
import dev.threadline.messaging.spring.internal.web.automation.StaffController;
import dev.threadline.messaging.spring.internal.web.automation.TemplateController;
import dev.threadline.messaging.spring.internal.web.stream.EventStreamHub;
import dev.threadline.messaging.spring.internal.web.stream.StreamController;
import dev.threadline.messaging.spring.internal.web.support.ApiExceptionResolver;
import dev.threadline.messaging.spring.internal.web.support.AdminAuthenticationFilter;
import dev.threadline.messaging.spring.internal.web.support.ApiPaths;
import dev.threadline.messaging.spring.internal.web.support.BodySizeLimitFilter;
import dev.threadline.messaging.spring.internal.web.support.JsonErrorReportValve;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.RoleGate;
import dev.threadline.messaging.spring.internal.web.support.SecurityHeadersFilter;
import dev.threadline.messaging.spring.internal.web.webhooks.DurableWebhooks;
import dev.threadline.messaging.spring.internal.web.webhooks.IntakeSource;
import dev.threadline.messaging.spring.internal.web.webhooks.SendGridWebhookController;
import dev.threadline.messaging.spring.internal.web.webhooks.TwilioWebhookController;
import dev.threadline.messaging.spring.internal.web.webhooks.TwilioWebhooks;
import dev.threadline.messaging.twilio.TwilioStatusProcessor;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import java.time.Clock;
import java.time.Duration;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin HTTP API under {@code messaging.api.base-path}, the provider webhooks under {@code /webhooks}
 * and the SSE stream, as specified by the starter's HTTP contract. Admin routes need a Bearer API key;
 * bodies over {@code messaging.max-body-size} get {@code 413}; errors always have the API's error body.
 */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, MessagingTwilioAutoConfiguration.class,
        MessagingSendGridAutoConfiguration.class, MessagingAutomationAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MessageManager.class)
@ConditionalOnBooleanProperty(name = "messaging.api.enabled", matchIfMissing = true)
@Import({SendController.class, ConversationController.class, MessageController.class, StreamController.class,
        DeadLetterController.class, TeamController.class})
public class MessagingWebAutoConfiguration {

    /** Spring Security's default filter order, without depending on Spring Security. */
    private static final int SECURITY_FILTER_ORDER = -100;

    @Bean
    @ConditionalOnMissingBean
    ApiPaths messagingApiPaths(MessagingProperties properties) {
        return new ApiPaths(properties.api().basePath());
    }

    @Bean
    @ConditionalOnMissingBean
    ApiExceptionResolver messagingApiExceptionResolver(ApiPaths paths) {
        return new ApiExceptionResolver(paths);
    }

    /** By default a principal's name is the email of a staff user of the default tenant. */
    @Bean
    @ConditionalOnMissingBean
    StaffPrincipals messagingStaffPrincipals(MessageManager manager, MessagingProperties properties) {
        return principal -> manager.staffActor(properties.defaultTenant(), principal.getName());
    }

    /**
     * Runs right after Spring Security's filter chain ({@code spring.security.filter.order}, -100 by default), so a
     * host's login has set the request's principal by then.
     */
    @Bean
    @ConditionalOnMissingBean(name = "messagingAdminAuthenticationFilter")
    FilterRegistrationBean<AdminAuthenticationFilter> messagingAdminAuthenticationFilter(ApiPaths paths, MessagingProperties properties,
                                                                                       StaffPrincipals principals) {
        FilterRegistrationBean<AdminAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new AdminAuthenticationFilter(paths, properties.security().apiKeys(), principals));
        registration.addUrlPatterns(paths.basePath() + "/*");
        registration.setOrder(SECURITY_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "messagingSecurityHeadersFilter")
    FilterRegistrationBean<SecurityHeadersFilter> messagingSecurityHeadersFilter(ApiPaths paths,
                                                                                @Value("${server.error.path:/error}") String errorPath) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(paths, errorPath));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 99);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "messagingBodySizeLimitFilter")
    FilterRegistrationBean<BodySizeLimitFilter> messagingBodySizeLimitFilter(ApiPaths paths, MessagingProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(paths, properties.maxBodySize().toBytes(),
                properties.webhooks().maxBodySize().toBytes(), properties.publicRoutes().maxBody().toBytes()));
        registration.addUrlPatterns(paths.basePath() + "/*", ApiPaths.WEBHOOKS + "/*", ApiPaths.PUBLIC + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
        return registration;
    }

    /** Checks each admin route's {@link dev.threadline.messaging.spring.internal.web.support.RequiresRole}. */
    @Bean
    WebMvcConfigurer messagingRoleGate() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RoleGate());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiter messagingRateLimiter(MessagingProperties properties, Clock clock) {
        MessagingProperties.RateLimit limit = properties.rateLimit();
        return limit.enabled()
                ? new RateLimiter(limit.requests(), limit.period(), clock)
                : RateLimiter.unlimited(clock);
    }

    /** The website contact form: unauthenticated, limited per client address. */
    @Bean
    @ConditionalOnBooleanProperty(name = "messaging.public.enabled", matchIfMissing = true)
    PublicContactController messagingPublicContact(MessageManager manager, MessagingProperties properties, Clock clock) {
        return new PublicContactController(manager, properties,
                new RateLimiter(properties.publicRoutes().rateLimit(), Duration.ofMinutes(1), clock));
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookTenants messagingWebhookTenants(MessagingProperties properties) {
        return new WebhookTenants(properties);
    }

    /** Stores every verified webhook before it is acknowledged; workers process the stored requests right after. */
    @Bean
    @ConditionalOnMissingBean
    WebhookIntake messagingWebhookIntake(IntakeStore store, IdGenerator ids, Clock clock, ObjectProvider<IntakeSource> sources,
                                         MessagingProperties properties) {
        WebhookIntake.Builder builder = WebhookIntake.builder(store, ids).clock(clock)
                .pollInterval(properties.delivery().pollInterval())
                .lease(properties.webhooks().lease());
        sources.orderedStream().forEach(source -> builder.handler(source.name(), source.handler()));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    DurableWebhooks messagingDurableWebhooks(WebhookIntake intake) {
        return new DurableWebhooks(intake);
    }

    @Bean
    @ConditionalOnMissingBean
    IntakeLifecycle messagingIntakeLifecycle(WebhookIntake intake, MessagingProperties properties) {
        return new IntakeLifecycle(intake, properties.webhooks().workers());
    }

    /** On Tomcat, errors it raises before the application runs (undecodable URL, oversized headers) in the API's JSON. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> messagingTomcatJsonErrors(ApiPaths paths) {
            return factory -> factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                // The host adds its error valve unless one of the named class is there already.
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new JsonErrorReportValve(paths));
            });
        }
    }

    /** {@code /webhooks/twilio/*} and the intake's Twilio sources when messaging-twilio is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TwilioWebhookParser.class)
    @Import(TwilioWebhookController.class)
    static class Twilio {

        @Bean
        TwilioWebhooks messagingTwilioWebhooks(MessageManager manager, TwilioWebhookParser parser, WebhookTenants tenants, Clock clock,
                                               MessagingProperties properties) {
            return new TwilioWebhooks(manager, new TwilioStatusProcessor(manager, clock), parser, tenants,
                    properties.twilio().fromNumber());
        }

        @Bean
        IntakeSource messagingTwilioInboundSource(TwilioWebhooks twilio) {
            return new IntakeSource(TwilioWebhooks.INBOUND, twilio::receive);
        }

        @Bean
        IntakeSource messagingTwilioStatusSource(TwilioWebhooks twilio) {
            return new IntakeSource(TwilioWebhooks.STATUS, twilio::applyStored);
        }
    }

    /** {@code /webhooks/sendgrid/*} and the intake's Inbound Parse source when messaging-sendgrid is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SendGridEventParser.class)
    @Import(SendGridWebhookController.class)
    static class SendGrid {

        @Bean
        IntakeSource messagingSendGridInboundSource(MessageManager manager, SendGridInboundParser parser) {
            return new IntakeSource(SendGridWebhookController.INBOUND,
                    request -> manager.receive(parser.parse(request.tenantId(), request.fields())));
        }

        @Bean
        @ConditionalOnMissingBean
        SendGridEventProcessor sendGridEventProcessor(MessageManager manager) {
            return new SendGridEventProcessor(manager);
        }
    }

    /** The automation routes (templates, reminders, campaigns, contacts, staff, digest, analytics) when messaging-automation is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MessagingAutomation.class)
    @ConditionalOnBean(MessagingAutomation.class)
    @Import({TemplateController.class, ScheduledMessageController.class, CampaignController.class, ContactController.class,
            StaffController.class, AnalyticsController.class})
    static class Automation {
    }

    @Bean
    @ConditionalOnMissingBean
    EventStreamHub messagingEventStreamHub(MessageManager manager, MessagingProperties properties) {
        return new EventStreamHub(manager, properties.api().streamHeartbeat(), properties.api().streamTimeout());
    }
}
