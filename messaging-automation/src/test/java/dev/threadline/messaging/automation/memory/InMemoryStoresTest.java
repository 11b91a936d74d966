package dev.threadline.messaging.automation.memory;

import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.cluster.InMemoryRunClaims;
import dev.threadline.messaging.automation.cluster.RunClaims;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.automation.campaign.InMemoryCampaignStore;
import dev.threadline.messaging.automation.campaign.InMemoryContactProfileStore;
import dev.threadline.messaging.automation.campaign.InMemorySendSlots;
import dev.threadline.messaging.automation.contract.CampaignStoreContract;
import dev.threadline.messaging.automation.contract.ContactProfileStoreContract;
import dev.threadline.messaging.automation.contract.RunClaimsContract;
import dev.threadline.messaging.automation.contract.SendSlotsContract;
import dev.threadline.messaging.automation.contract.StaffDirectoryContract;
import dev.threadline.messaging.automation.contract.TemplateStoreContract;
import dev.threadline.messaging.automation.notify.InMemoryStaffDirectory;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.TemplateStore;
import org.junit.jupiter.api.Nested;

/** The in-memory stores against the automation store contracts. */
class InMemoryStoresTest {

    @Nested
    class Templates extends TemplateStoreContract {
        @Override
        protected TemplateStore createStore() {
            return new InMemoryTemplateStore();
        }
    }

    @Nested
    class Campaigns extends CampaignStoreContract {
        @Override
        protected CampaignStore createStore() {
            return new InMemoryCampaignStore();
        }
    }

    @Nested
    class ContactProfiles extends ContactProfileStoreContract {
        @Override
        protected ContactProfileStore createStore() {
            return new InMemoryContactProfileStore();
        }
    }

    @Nested
    class Claims extends RunClaimsContract {
        @Override
        protected RunClaims createStore() {
            return new InMemoryRunClaims();
        }
    }

    @Nested
    class Staff extends StaffDirectoryContract {
        @Override
        protected StaffDirectory createStore() {
            return new InMemoryStaffDirectory();
        }
    }

    @Nested
    class Slots extends SendSlotsContract {
        @Override
        protected SendSlots createStore() {
            return new InMemorySendSlots();
        }
    }
}
