package dev.threadline.messaging.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.threadline.messaging.spring.MessagingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebhookTenantsTest {

    private static WebhookTenants tenants(String... properties) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            source.put(pair[0], pair[1]);
        }
        return new WebhookTenants(new Binder(source).bindOrCreate("messaging", MessagingProperties.class));
    }

    @Test
    void anUnmappedNumberBelongsToTheDefaultTenant() {
        assertThat(tenants("messaging.default-tenant=main").forPhone("+14155550001")).isEqualTo("main");
    }

    @Test
    void aMappedNumberBelongsToItsTenantInAnyFormat() {
        WebhookTenants tenants = tenants("messaging.tenants.acme.addresses=(415) 555-0001");

        assertThat(tenants.forPhone("+14155550001")).isEqualTo("acme");
        assertThat(tenants.forPhone("whatsapp:+14155550001")).isEqualTo("acme");
    }

    @Test
    void anEmailHeaderWithDisplayNamesFindsTheMappedAddress() {
        WebhookTenants tenants = tenants("messaging.tenants.acme.addresses=Support@Acme.example");

        assertThat(tenants.forEmail("Someone <someone@else.example>, \"Acme\" <support@acme.example>")).isEqualTo("acme");
    }

    @Test
    void aMissingAddressBelongsToTheDefaultTenant() {
        assertThat(tenants().forEmail(null)).isEqualTo("default");
        assertThat(tenants().forPhone("")).isEqualTo("default");
    }

    @Test
    void oneAddressForTwoTenantsIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> tenants(
                "messaging.tenants.acme.addresses=+14155550001", "messaging.tenants.globex.addresses=+14155550001"));
    }

    @Test
    void anAddressThatIsNeitherPhoneNorEmailIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> tenants("messaging.tenants.acme.addresses=front desk"));
    }
}
