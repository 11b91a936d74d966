package dev.threadline.messaging.jpa;

import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.automation.cluster.RunClaims;
import dev.threadline.messaging.automation.contract.CampaignStoreContract;
import dev.threadline.messaging.automation.contract.ContactProfileStoreContract;
import dev.threadline.messaging.automation.contract.RunClaimsContract;
import dev.threadline.messaging.automation.contract.SendSlotsContract;
import dev.threadline.messaging.automation.contract.StaffDirectoryContract;
import dev.threadline.messaging.automation.contract.TemplateStoreContract;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import org.junit.jupiter.api.Nested;

/** The automation store contracts against {@link JpaAutomationStores} on one database; subclasses pick it. */
abstract class AutomationStoresContracts {

    /** The stores on an emptied database. */
    protected abstract JpaAutomationStores freshStores();

    @Nested
    class Templates extends TemplateStoreContract {
        @Override
        protected TemplateStore createStore() {
            return freshStores().templates();
        }
    }

    @Nested
    class Campaigns extends CampaignStoreContract {
        @Override
        protected CampaignStore createStore() {
            return freshStores().campaigns();
        }
    }

    @Nested
    class ContactProfiles extends ContactProfileStoreContract {
        @Override
        protected ContactProfileStore createStore() {
            return freshStores().contactProfiles();
        }
    }

    @Nested
    class Claims extends RunClaimsContract {
        @Override
        protected RunClaims createStore() {
            return freshStores().runClaims();
        }
    }

    @Nested
    class Staff extends StaffDirectoryContract {
        @Override
        protected StaffDirectory createStore() {
            return freshStores().staff();
        }
    }

    @Nested
    class Slots extends SendSlotsContract {
        @Override
        protected SendSlots createStore() {
            return freshStores().sendSlots();
        }
    }
}
