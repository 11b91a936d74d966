package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.spring.TestApplication;
import dev.threadline.messaging.staff.Role;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * Staff users signed in by the host's login, working conversations over HTTP: roles, inboxes, assignment, who sent
 * a reply. The host's login is played by a filter in front of the starter's, where Spring Security's filter chain
 * runs in a real host: it sets the request's principal, which the starter maps to a staff user by email.
 */
@SpringBootTest(classes = {TestApplication.class, SignedInStaffTest.HostLogin.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-owner=spa",
        "messaging.security.api-keys.key-other=other",
        "messaging.default-tenant=spa",
        "messaging.inboxes.desk.name=Desk",
        "messaging.inboxes.desk.addresses=+15559990000",
        "messaging.inboxes.desk.ai-mode=draft",
        "messaging.rate-limit.requests=100000"})
class SignedInStaffTest {

    /** The host's login, as far as the starter can see it: the request's principal. */
    @TestConfiguration
    static class HostLogin {
        @Bean
        FilterRegistrationBean<Filter> hostLogin() {
            Filter login = (request, response, chain) -> {
                String user = ((HttpServletRequest) request).getHeader("X-Signed-In");
                chain.doFilter(user == null ? request : new HttpServletRequestWrapper((HttpServletRequest) request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return () -> user;
                    }
                }, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(login);
            registration.setOrder(-100);
            return registration;
        }
    }

    private static final String BASE = "/api/admin/messaging";
    private static int run;

    @LocalServerPort
    int port;

    private HttpApi owner;
    private HttpApi agent;
    private HttpApi viewer;
    private HttpApi admin;
    private HttpApi mailAgent;
    private String front;
    private String mail;
    private String agentId;
    private String mailAgentId;
    private String frontConversation;
    private String mailConversation;

    /** A client signed in as {@code email}, without a key. */
    private HttpApi signedIn(String email) {
        return new HttpApi(port, BASE, null).withHeader("X-Signed-In", email);
    }

    @BeforeEach
    void team() {
        run++;
        owner = new HttpApi(port, BASE, "key-owner");
        front = created(owner.post("/inboxes", "{\"name\":\"Front desk %d\",\"addresses\":[\"+1555000%04d\"]}".formatted(run, run)), "inbox");
        mail = created(owner.post("/inboxes", "{\"name\":\"Email %d\",\"ai_mode\":\"draft\"}".formatted(run)), "inbox");
        agentId = user("agent", "agent", front);
        mailAgentId = user("mail", "agent", mail);
        user("viewer", "viewer", front);
        user("admin", "admin", null);
        agent = signedIn("agent" + run + "@spa.example");
        mailAgent = signedIn("mail" + run + "@spa.example");
        viewer = signedIn("viewer" + run + "@spa.example");
        admin = signedIn("admin" + run + "@spa.example");
        frontConversation = conversation(front);
        mailConversation = conversation(mail);
    }

    private String user(String name, String role, @Nullable String inbox) {
        return created(owner.post("/users", """
                {"email":"%s%d@spa.example","name":"%s %d","role":"%s","inbox_ids":[%s]}"""
                .formatted(name, run, name, run, role, inbox == null ? "" : "\"" + inbox + "\"")), "user");
    }

    private String conversation(String inbox) {
        HttpApi.Response sent = owner.post("/send", """
                {"channel":"sms","customer_name":"Ana","customer_phone":"%s","content":"Can I book?","inbox_id":"%s",\
                "generate_ai_response":false}""".formatted(ApiTestBase.newPhone(), inbox));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.text("/conversation_id");
    }

    private static String created(HttpApi.Response response, String member) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/" + member + "/id");
    }

    private static void assertForbidden(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("forbidden");
    }

    private static List<String> ids(HttpApi.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("conversations").valueStream().map(c -> c.get("id").asString()).toList();
    }

    @Test
    void meSaysWhoIsCalling() {
        JsonNode key = owner.get("/me").json();
        assertThat(key.get("user").isNull()).isTrue();
        assertThat(key.get("role").asString()).isEqualTo("owner");

        JsonNode me = agent.get("/me").json();
        assertThat(me.get("user").get("id").asString()).isEqualTo(agentId);
        assertThat(me.get("role").asString()).isEqualTo("agent");
        assertThat(me.get("inboxes").valueStream().map(i -> i.get("id").asString())).containsExactly(front);
    }

    @Test
    void configuredInboxesExistWithTheirAddresses() {
        JsonNode desk = owner.get("/inboxes").json().get("inboxes").valueStream()
                .filter(i -> i.get("id").asString().equals("desk")).findFirst().orElseThrow();

        assertThat(desk.get("name").asString()).isEqualTo("Desk");
        assertThat(desk.get("addresses").valueStream().map(JsonNode::asString)).containsExactly("+15559990000");
        assertThat(desk.get("ai_mode").asString()).isEqualTo("draft");
    }

    @Test
    void someoneWhoIsNoStaffUserIsUnauthorized() {
        HttpApi.Response stranger = signedIn("stranger@spa.example").get("/conversations");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.errorCode()).isEqualTo("unauthorized");
        assertThat(new HttpApi(port, BASE, null).get("/me").status()).isEqualTo(401);
    }

    @Test
    void anAgentWorksOnlyTheConversationsOfTheirInbox() {
        assertThat(ids(agent.get("/conversations?page_size=100"))).contains(frontConversation).doesNotContain(mailConversation);
        assertThat(ids(agent.get("/conversations?inbox=" + mail))).isEmpty();
        assertThat(agent.get("/conversations/" + frontConversation).json().get("conversation").get("inbox_id").asString()).isEqualTo(front);
        assertThat(agent.get("/conversations/" + mailConversation).status()).isEqualTo(404);
        assertThat(agent.post("/conversations/" + mailConversation + "/reply", "{\"content\":\"Hi\"}").status()).isEqualTo(404);
        assertThat(ids(admin.get("/conversations?inbox=" + mail))).containsExactly(mailConversation);
    }

    @Test
    void aReplyNamesTheStaffUserWhoSentIt() {
        HttpApi.Response reply = agent.post("/conversations/" + frontConversation + "/reply", "{\"content\":\"Tuesday at 10?\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);

        JsonNode sent = owner.get("/conversations/" + frontConversation).json().get("messages").get(1);
        assertThat(sent.get("author").asString()).isEqualTo("staff");
        assertThat(sent.get("sent_by").get("id").asString()).isEqualTo(agentId);
        assertThat(sent.get("sent_by").get("name").asString()).isEqualTo("agent " + run);
    }

    @Test
    void theDraftsListHoldsTheConversationsOfTheCallersInboxesWithAnAiReplyToApprove() {
        HttpApi.Response asked = owner.post("/send", """
                {"channel":"sms","customer_name":"Bo","customer_phone":"%s","content":"How much is a facial?","inbox_id":"%s"}"""
                .formatted(ApiTestBase.newPhone(), mail));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String drafted = asked.text("/conversation_id");

        assertThat(ids(mailAgent.get("/conversations?drafts=true&page_size=100"))).containsExactly(drafted);
        assertThat(ids(agent.get("/conversations?drafts=true&page_size=100"))).as("another inbox's drafts").isEmpty();
        assertThat(mailAgent.get("/conversations?drafts=maybe").errorCode()).isEqualTo("validation_failed");

        mailAgent.delete("/messages/" + asked.text("/ai_response/message_id"));
        assertThat(ids(mailAgent.get("/conversations?drafts=true&page_size=100"))).isEmpty();
    }

    @Test
    void aReplyWithASendTimeWaitsScheduledAndTheAgentCancelsIt() {
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        HttpApi.Response later = agent.post("/conversations/" + frontConversation + "/reply",
                "{\"content\":\"Your facial is tomorrow\",\"send_at\":\"%s\"}".formatted(tomorrow));
        assertThat(later.status()).as(later.body()).isEqualTo(202);
        assertThat(later.text("/status")).isEqualTo("scheduled");
        String messageId = later.text("/message_id");
        JsonNode waiting = owner.get("/conversations/" + frontConversation).json().get("messages").get(1);
        assertThat(waiting.get("status").asString()).isEqualTo("scheduled");
        assertThat(Instant.parse(waiting.get("send_at").asString())).isEqualTo(Instant.parse(tomorrow).truncatedTo(ChronoUnit.MILLIS));

        assertThat(agent.delete("/messages/" + messageId).status()).isEqualTo(204);
        JsonNode canceled = owner.get("/conversations/" + frontConversation).json().get("messages").get(1);
        assertThat(canceled.get("id").asString()).isEqualTo(messageId);
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(canceled.get("send_at").isNull()).as("no longer waiting").isTrue();
        assertThat(agent.delete("/messages/" + messageId).errorCode()).isEqualTo("conflict");

        HttpApi.Response past = agent.post("/conversations/" + frontConversation + "/reply",
                "{\"content\":\"Hi\",\"send_at\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("error").get("field").asString()).isEqualTo("send_at");
    }

    @Test
    void theWaitingListHoldsWhatNobodyAnsweredLongestWaitingFirst() {
        String later = conversation(front);
        JsonNode waiting = agent.get("/conversations?awaiting_reply=true&sort=waiting&page_size=100").json();
        List<String> order = waiting.get("conversations").valueStream().map(c -> c.get("id").asString()).toList();
        assertThat(order).containsSubsequence(frontConversation, later);
        assertThat(waiting.get("conversations").get(0).get("awaiting_reply_since").asString()).endsWith("Z");

        agent.post("/conversations/" + frontConversation + "/reply", "{\"content\":\"Yes!\"}");

        assertThat(ids(agent.get("/conversations?awaiting_reply=true&page_size=100"))).contains(later).doesNotContain(frontConversation);
        assertThat(agent.get("/conversations/" + frontConversation).json().get("conversation").get("awaiting_reply_since").isNull()).isTrue();
        ApiTestBase.assertValidationError(agent.get("/conversations?sort=loudest"), "sort");
    }

    @Test
    void aViewerReadsButChangesNothing() {
        assertThat(viewer.get("/conversations/" + frontConversation).status()).isEqualTo(200);
        assertForbidden(viewer.post("/conversations/" + frontConversation + "/reply", "{\"content\":\"Hi\"}"));
        assertForbidden(viewer.postEmpty("/conversations/" + frontConversation + "/read"));
        assertForbidden(viewer.patch("/conversations/" + frontConversation, "{\"status\":\"completed\"}"));
        assertForbidden(viewer.post("/send", "{\"conversation_id\":\"%s\",\"content\":\"x\"}".formatted(frontConversation)));
    }

    @Test
    void agentsTakeConversationsForThemselvesAndAdminsAssignMembers() {
        HttpApi.Response taken = agent.patch("/conversations/" + frontConversation, "{\"assignee_id\":\"%s\"}".formatted(agentId));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("conversation").get("assignee").get("id").asString()).isEqualTo(agentId);
        assertThat(taken.json().get("conversation").get("assignee").get("name").asString()).isEqualTo("agent " + run);
        assertThat(ids(agent.get("/conversations?assignee=me"))).containsExactly(frontConversation);
        assertThat(ids(agent.get("/conversations?assignee=none"))).doesNotContain(frontConversation);

        String adminId = admin.get("/me").text("/user/id");
        assertForbidden(agent.patch("/conversations/" + frontConversation, "{\"assignee_id\":\"%s\"}".formatted(adminId)));
        ApiTestBase.assertValidationError(admin.patch("/conversations/" + frontConversation,
                "{\"assignee_id\":\"%s\"}".formatted(mailAgentId)), "assignee_id");
        HttpApi.Response unassigned = admin.patch("/conversations/" + frontConversation, "{\"assignee_id\":null}");
        assertThat(unassigned.json().get("conversation").get("assignee").isNull()).isTrue();
    }

    @Test
    void movingAConversationHandsItToTheOtherInbox() {
        HttpApi.Response moved = admin.patch("/conversations/" + frontConversation, "{\"inbox_id\":\"%s\"}".formatted(mail));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        assertThat(agent.get("/conversations/" + frontConversation).status()).isEqualTo(404);
        assertThat(mailAgent.get("/conversations/" + frontConversation).status()).isEqualTo(200);
    }

    @Test
    void onlyOwnersManageUsersAndInboxes() {
        assertForbidden(admin.get("/users"));
        assertForbidden(agent.post("/inboxes", "{\"name\":\"Mine\"}"));
        assertForbidden(admin.put("/inboxes/" + front + "/members", "{\"user_ids\":[]}"));
        assertThat(admin.get("/inboxes").json().get("inboxes").size()).isGreaterThanOrEqualTo(3);
        assertThat(agent.get("/inboxes").json().get("inboxes").valueStream().map(i -> i.get("id").asString())).containsExactly(front);
        assertThat(owner.get("/users").json().get("users").valueStream().map(u -> u.get("id").asString())).contains(agentId, mailAgentId);
    }

    @Test
    void aStaffUsersStreamCarriesOnlyTheEventsOfTheirInboxes() throws Exception {
        try (SseStream stream = SseStream.open(agent)) {
            conversation(mail);
            String mine = conversation(front);

            // Events go out in publishing order, so a leaked event of the other inbox would arrive first.
            assertThat(stream.nextEvent("message.created").get("conversation_id").asString()).isEqualTo(mine);
        }
    }

    /** One admin route, the role it needs, and how to call it. */
    private record Route(String name, Role needs, Function<HttpApi, HttpApi.Response> call) {
    }

    /** Every role against the routes of the contract's role table: refused below the role, let through from it. */
    @Test
    void eachRoleIsAllowedAndRefusedAsTheRoleTableSays() {
        String c = "/conversations/" + frontConversation;
        List<Route> routes = List.of(
                new Route("list", Role.VIEWER, api -> api.get("/conversations")),
                new Route("detail", Role.VIEWER, api -> api.get(c)),
                new Route("unread", Role.VIEWER, api -> api.get("/unread")),
                new Route("me", Role.VIEWER, api -> api.get("/me")),
                new Route("inboxes", Role.VIEWER, api -> api.get("/inboxes")),
                new Route("reply", Role.AGENT, api -> api.post(c + "/reply", "{\"content\":\"Hi\"}")),
                new Route("read", Role.AGENT, api -> api.postEmpty(c + "/read")),
                new Route("status", Role.AGENT, api -> api.patch(c, "{\"status\":\"active\"}")),
                new Route("score", Role.AGENT, api -> api.postEmpty(c + "/score")),
                new Route("suggestions", Role.AGENT, api -> api.get(c + "/suggestions")),
                new Route("follow-up", Role.AGENT, api -> api.post("/generate-response",
                        "{\"conversation_id\":\"%s\",\"follow_up\":true}".formatted(frontConversation))),
                new Route("send", Role.AGENT, api -> api.post("/send",
                        "{\"conversation_id\":\"%s\",\"content\":\"More\",\"generate_ai_response\":false}".formatted(frontConversation))),
                new Route("templates", Role.AGENT, api -> api.get("/templates")),
                new Route("campaigns", Role.ADMIN, api -> api.get("/campaigns")),
                new Route("analytics", Role.ADMIN, api -> api.get("/analytics?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z")),
                new Route("dead letters", Role.ADMIN, api -> api.get("/webhooks/dead-letters")),
                new Route("ai mode", Role.ADMIN, api -> api.patch("/inboxes/" + front, "{\"ai_mode\":\"auto\"}")),
                new Route("users", Role.OWNER, api -> api.get("/users")),
                new Route("new inbox", Role.OWNER, api -> api.post("/inboxes", "{\"name\":\"Another\"}")));
        Map<Role, HttpApi> callers = Map.of(Role.VIEWER, viewer, Role.AGENT, agent, Role.ADMIN, admin, Role.OWNER, owner);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (Map.Entry<Role, HttpApi> caller : callers.entrySet()) {
                HttpApi.Response response = route.call().apply(caller.getValue());
                boolean allowed = caller.getKey().includes(route.needs());
                if (allowed ? response.status() >= 400 : response.status() != 403) {
                    wrong.add(route.name() + " as " + caller.getKey().wireName() + ": " + response.status() + " " + response.body());
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void automationRoutesNeedAnAdmin() {
        assertForbidden(agent.get("/webhooks/dead-letters"));
        assertThat(admin.get("/webhooks/dead-letters").status()).isEqualTo(200);
    }

    @Test
    void membersAndRemovalChangeWhatPeopleSee() {
        HttpApi.Response members = owner.put("/inboxes/" + mail + "/members", "{\"user_ids\":[\"%s\"]}".formatted(agentId));
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        assertThat(agent.get("/conversations/" + mailConversation).status()).isEqualTo(200);
        assertThat(mailAgent.get("/conversations/" + mailConversation).status()).isEqualTo(404);

        agent.patch("/conversations/" + frontConversation, "{\"assignee_id\":\"%s\"}".formatted(agentId));
        assertThat(owner.delete("/users/" + agentId).status()).isEqualTo(204);
        assertThat(owner.get("/conversations/" + frontConversation).json().get("conversation").get("assignee").isNull()).isTrue();
        assertThat(agent.get("/me").status()).isEqualTo(401);
    }

    @Test
    void anInboxWithConversationsCannotBeRemovedAnEmptyOneCan() {
        assertThat(owner.delete("/inboxes/" + front).status()).isEqualTo(409);
        String empty = created(owner.post("/inboxes", "{\"name\":\"Spare %d\"}".formatted(run)), "inbox");

        assertForbidden(admin.delete("/inboxes/" + empty));
        assertThat(owner.delete("/inboxes/" + empty).status()).isEqualTo(204);
        assertThat(owner.delete("/inboxes/" + empty).status()).isEqualTo(404);
        assertThat(owner.delete("/inboxes/default").status()).isEqualTo(409);
    }

    @Test
    void usersAndInboxesAreValidated() {
        ApiTestBase.assertValidationError(owner.post("/users", "{\"email\":\"x@spa.example\",\"name\":\"X\",\"role\":\"boss\"}"), "role");
        ApiTestBase.assertValidationError(owner.post("/users", "{\"email\":\"not-an-email\",\"name\":\"X\",\"role\":\"agent\"}"), "email");
        ApiTestBase.assertValidationError(owner.post("/users",
                "{\"email\":\"y@spa.example\",\"name\":\"Y\",\"role\":\"agent\",\"inbox_ids\":[\"nowhere\"]}"), "inbox_ids");
        assertThat(owner.post("/users", "{\"email\":\"AGENT%d@spa.example\",\"name\":\"Dup\",\"role\":\"agent\"}".formatted(run))
                .status()).isEqualTo(409);
        assertThat(owner.post("/inboxes", "{\"name\":\"Dup\",\"addresses\":[\"+1555000%04d\"]}".formatted(run)).status()).isEqualTo(409);
        ApiTestBase.assertValidationError(owner.put("/inboxes/" + front + "/members", "{\"user_ids\":[\"ghost\"]}"), "user_ids");
        HttpApi.Response password = owner.post("/users",
                "{\"email\":\"pw%d@spa.example\",\"name\":\"Pw\",\"role\":\"agent\",\"password\":\"correct horse battery\"}".formatted(run));
        ApiTestBase.assertValidationError(password, "password");
        assertThat(password.text("/error/message")).contains("keeps no passwords");
        assertThat(owner.get("/users").body()).as("a refused password creates no user").doesNotContain("pw" + run + "@");
    }

    @Test
    void anotherTenantsKeySeesNoneOfIt() {
        HttpApi other = new HttpApi(port, BASE, "key-other");
        assertThat(other.get("/conversations/" + frontConversation).status()).isEqualTo(404);
        assertThat(other.get("/users").json().get("users")).isEmpty();
        assertThat(other.patch("/conversations/" + frontConversation, "{\"assignee_id\":null}").status()).isEqualTo(404);
    }
}
