package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /contacts} and {@code GET /contacts/{id}}. */
class ContactRoutesTest extends AutomationTestBase {

    @Autowired
    MessageManager manager;

    @Test
    void aTaggedContactIsListedWithItsChannelsTagsZoneAndActivity() {
        String phone = newPhone();
        String conversationId = startConversationWith(phone, "Do you do peels?");
        String tag = newName("vip");
        tag(phone, tag, "America/Chicago");

        JsonNode contacts = acme.get("/contacts?tag=" + tag).json().get("contacts");

        assertThat(contacts).hasSize(1);
        JsonNode contact = contacts.get(0);
        assertThat(contact.get("phone").asString()).isEqualTo(phone);
        assertThat(contact.get("channels").valueStream().map(JsonNode::asString)).containsExactly("sms");
        assertThat(contact.get("opted_out")).isEmpty();
        assertThat(contact.get("tags").valueStream().map(JsonNode::asString)).containsExactly(tag);
        assertThat(contact.get("time_zone").asString()).isEqualTo("America/Chicago");
        assertThat(contact.get("conversation_count").asLong()).isEqualTo(1);
        assertThat(contact.get("last_activity_at").asString())
                .isEqualTo(acme.get("/conversations/" + conversationId).json().get("conversation").get("last_activity_at").asString());
    }

    @Test
    void searchChannelAndOptOutNarrowTheList() {
        String phone = newPhone();
        startConversationWith(phone, "Hello");
        String search = "/contacts?q=" + phone.substring(2);

        assertThat(phones(acme.get(search).json())).containsExactly(phone);
        assertThat(phones(acme.get(search + "&channel=sms&opted_out=false").json())).containsExactly(phone);
        assertThat(phones(acme.get(search + "&channel=email").json())).isEmpty();
        assertThat(phones(acme.get(search + "&opted_out=true").json())).isEmpty();

        manager.optOut("acme", ChannelId.SMS, phone, "test");

        assertThat(phones(acme.get(search + "&opted_out=true").json())).containsExactly(phone);
        assertThat(acme.get(search).json().get("contacts").get(0).get("opted_out").valueStream().map(JsonNode::asString))
                .containsExactly("sms");
    }

    @Test
    void aContactsPageHasEveryConversationOnEveryChannelNewestFirst() {
        String phone = newPhone();
        String email = "guest-" + phone.substring(1) + "@example.com";
        String sms = startConversationWith(phone, "Hi by text");
        HttpApi.Response mail = acme.post("/send", """
                {"channel":"email","customer_name":"Test Customer","customer_phone":"%s","customer_email":"%s","subject":"Booking",\
                "content":"Hi by mail","generate_ai_response":false}""".formatted(phone, email));
        assertThat(mail.status()).as(mail.body()).isEqualTo(201);
        String contactId = acme.get("/contacts?q=" + phone.substring(2)).json().get("contacts").get(0).get("id").asString();

        JsonNode page = acme.get("/contacts/" + contactId).json();

        assertThat(page.get("contact").get("email").asString()).isEqualTo(email);
        assertThat(page.get("contact").get("channels").valueStream().map(JsonNode::asString)).containsExactly("email", "sms");
        assertThat(page.get("conversations").valueStream().map(c -> c.get("id").asString()))
                .containsExactly(mail.text("/conversation_id"), sms);
    }

    @Test
    void theCursorPagesThroughTheList() {
        String tag = newName("walk");
        List<String> phones = List.of(newPhone(), newPhone(), newPhone());
        phones.forEach(phone -> tag(phone, tag, null));

        JsonNode first = acme.get("/contacts?tag=" + tag + "&page_size=2").json();
        String cursor = first.get("next_cursor").asString();
        JsonNode second = acme.get("/contacts?tag=" + tag + "&page_size=2&cursor=" + cursor).json();

        assertThat(phones(first)).hasSize(2);
        assertThat(phones(second)).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(List.of(phones(first).get(0), phones(first).get(1), phones(second).get(0))).containsExactlyInAnyOrderElementsOf(phones);
    }

    @Test
    void badInputNamesTheFieldAndAnUnknownOrForeignContactIsNotFound() {
        assertValidationError(acme.get("/contacts?page_size=0"), "page_size");
        assertValidationError(acme.get("/contacts?opted_out=maybe"), "opted_out");
        assertValidationError(acme.get("/contacts?cursor=" + URLEncoder.encode("not a cursor", StandardCharsets.UTF_8)), "cursor");
        assertError(acme.get("/contacts?channel=pigeon"), 400, "unknown_channel");
        assertError(acme.get("/contacts/no-such-contact"), 404, "not_found");

        String phone = newPhone();
        startConversationWith(phone, "Mine");
        String contactId = acme.get("/contacts?q=" + phone.substring(2)).json().get("contacts").get(0).get("id").asString();
        assertError(globex.get("/contacts/" + contactId), 404, "not_found");
        assertThat(phones(globex.get("/contacts?q=" + phone.substring(2)).json())).isEmpty();
    }

    private String startConversationWith(String phone, String content) {
        HttpApi.Response response = acme.post("/send", smsBody(phone, content, false));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/conversation_id");
    }

    private void tag(String phone, String tag, String zone) {
        String timeZone = zone == null ? "" : ",\"time_zone\":\"" + zone + "\"";
        HttpApi.Response response = acme.patch("/contacts/profile",
                "{\"address\":\"" + phone + "\",\"add_tags\":[\"" + tag + "\"]" + timeZone + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static List<String> phones(JsonNode list) {
        return list.get("contacts").valueStream().map(c -> c.get("phone").asString()).toList();
    }
}
