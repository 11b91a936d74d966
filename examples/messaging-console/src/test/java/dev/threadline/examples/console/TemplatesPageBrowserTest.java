package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/** The Templates page: an owner writes, edits, previews and deletes message templates and canned replies. */
@NeedsChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:file:./target/e2e-data/${random.uuid}/threadline")
class TemplatesPageBrowserTest extends ConsoleBrowserTest {

    private static final String SMS_TEXT = "Hi {{customer.name}}, {{offer}} this week at Glow.";
    private static final String EDITED_SMS_TEXT = "Hi {{customer.name}}, {{offer}} until {{ends}} at Glow. Reply STOP to opt out.";
    private static final String EMAIL_SUBJECT = "{{offer}} for you";
    private static final String EMAIL_BODY = "Dear {{customer.name}},\nenjoy {{offer}} until {{ends}}.";

    @Test
    void anOwnerWritesATemplateEditsItAndPreviewsItWithAVariableMissing() {
        openPage("templates");
        click(By.id("tpl-new"));
        type("tpl-name", "Spring Offer");
        type("tpl-sms-body", SMS_TEXT);
        assertThat(shownVariables()).as("the variables the text uses, while it is typed").containsExactly("customer.name", "offer");
        click(By.id("tpl-save"));

        WebElement nameError = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tpl-name-error")));
        assertThat(nameError.getText()).as("the API's message on the name field").contains("lower-case");
        type("tpl-name", "spring-offer");
        click(By.id("tpl-save"));

        By row = By.cssSelector("#tpl-rows tr[data-template='spring-offer']");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(cells("spring-offer")).containsExactly("spring-offer", "Message", "SMS", "customer.name, offer");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/templates/spring-offer");

        new Select(browser.driver.findElement(By.id("tpl-kind"))).selectByValue("canned_reply");
        type("tpl-sms-body", EDITED_SMS_TEXT);
        type("tpl-email-subject", EMAIL_SUBJECT);
        type("tpl-email-body", EMAIL_BODY);
        click(By.id("tpl-save"));
        browser.wait.until(ExpectedConditions.attributeToBe(row, "data-kind", "canned_reply"));
        assertThat(cells("spring-offer")).containsExactly("spring-offer", "Canned reply", "Email, SMS", "offer, customer.name, ends");

        JsonNode stored = api.get("/templates/spring-offer").get("template");
        assertThat(stored.get("kind").asText()).isEqualTo("canned_reply");
        assertThat(stored.at("/variants/sms/body").asText()).isEqualTo(EDITED_SMS_TEXT);
        assertThat(stored.at("/variants/email/subject").asText()).isEqualTo(EMAIL_SUBJECT);
        assertThat(stored.at("/variants/email/body").asText()).isEqualTo(EMAIL_BODY);
        assertThat(stored.get("fallback").isNull()).isTrue();
        assertThat(stored.get("variables")).extracting(JsonNode::asText).containsExactly("offer", "customer.name", "ends");

        new Select(browser.driver.findElement(By.id("tpl-preview-channel"))).selectByValue("sms");
        type(previewInput("customer.name"), "Ana");
        type(previewInput("offer"), "20% off peels");
        click(By.id("tpl-preview"));
        WebElement missing = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#tpl-preview-form .field-error[data-error-for='variables.ends']")));
        assertThat(missing.getText()).contains("ends");
        assertThat(browser.driver.findElement(By.id(previewInput("ends"))).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("templates-desktop");

        type(previewInput("ends"), "Sunday");
        click(By.id("tpl-preview"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("tpl-preview-body"),
                "Hi Ana, 20% off peels until Sunday at Glow. Reply STOP to opt out."));
        assertThat(browser.driver.findElements(By.cssSelector("#tpl-preview-form .field-error"))).isEmpty();

        browser.resize(ConsoleBrowser.PHONE);
        browser.screenshot("templates-phone");
    }

    @Test
    void deletingATemplateAsksFirstAndTakesItOffTheList() {
        api.put("/templates/birthday", Map.of("kind", "message", "variants", Map.of("sms", Map.of("body", "Happy birthday, {{customer.name}}!"))));
        openPage("templates");
        click(By.cssSelector("#tpl-rows tr[data-template='birthday'] a"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("tpl-sms-body"), "value", "Happy birthday, {{customer.name}}!"));

        click(By.id("tpl-delete"));
        click(By.cssSelector(".confirm-dialog button[value='cancel']"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".confirm-dialog")));
        assertThat(api.get("/templates/birthday").at("/template/name").asText()).as("kept when the owner changes their mind")
                .isEqualTo("birthday");

        click(By.id("tpl-delete"));
        click(By.cssSelector(".confirm-dialog .confirm-yes"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#tpl-rows tr[data-template='birthday']")));
        assertThatThrownBy(() -> api.get("/templates/birthday")).hasMessageContaining("404");
    }

    /** The id of the preview's input for the variable at {@code path}. */
    private String previewInput(String path) {
        return browser.wait.until(d -> d.findElement(By.cssSelector("#tpl-preview-form input[data-variable='" + path + "']")))
                .getAttribute("id");
    }

    /** The text of each cell of a template's row in the list as written (the kind chip shows it in capitals), variables joined. */
    @SuppressWarnings("unchecked")
    private List<String> cells(String template) {
        return (List<String>) browser.driver.executeScript("""
                return [...document.querySelectorAll(`#tpl-rows tr[data-template='${arguments[0]}'] td`)].map(td => td.querySelector('.tpl-variable')
                    ? [...td.querySelectorAll('.tpl-variable')].map(v => v.textContent).join(', ') : td.textContent)""", template);
    }

    @SuppressWarnings("unchecked")
    private List<String> shownVariables() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('#tpl-used-variables .tpl-variable')].map(n => n.textContent)");
    }
}
