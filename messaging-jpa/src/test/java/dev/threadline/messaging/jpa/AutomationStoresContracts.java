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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The automation store contracts against {@link JpaAutomationStores} on one database, opened once for all of them;
 * subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AutomationStoresContracts {

    private TestDatabase database;
    private JpaAutomationStores stores;

    /** A new database for this class's tests. */
    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void startDatabase() {
        database = openDatabase();
        stores = JpaAutomationStores.on(database.dataSource());
    }

    @AfterAll
    void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** The stores on an emptied database. */
    private JpaAutomationStores freshStores() {
        database.clear();
        return stores;
    }

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
