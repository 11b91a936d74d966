package dev.threadline.messaging.sendgrid;

import java.util.LinkedHashMap;
import java.util.Map;

/** Inbound Parse posts as SendGrid sends them (parsed mode), after multipart decoding. */
final class InboundPosts {

    static final String OUR_PARSE_ADDRESS = "support@parse.acme.test";

    private InboundPosts() {
    }

    /** A Gmail reply: "On … wrote:" and {@code >} quoting, threading headers naming {@code inReplyTo}. */
    static Map<String, String> gmailReply(String messageId, String inReplyTo, String subject) {
        Map<String, String> fields = common("Ana Lima <ana.lima@gmail.com>", "ana.lima@gmail.com", subject);
        fields.put("headers", """
                Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Mon, 16 Nov 2026 10:05:12 +0000 (UTC)
                Received: from mail-wr1-f41.google.com (mail-wr1-f41.google.com [209.85.221.41])
                \tby mx0047p1mdw1.sendgrid.net (Postfix) with ESMTPS id 2C4C6E0355
                \tfor <support@parse.acme.test>; Mon, 16 Nov 2026 10:05:12 +0000 (UTC)
                DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601;
                 h=to:subject:message-id:date:from:in-reply-to:references:mime-version; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
                 b=Zm9vYmFy
                MIME-Version: 1.0
                References: <first-ask@mail.gmail.com>
                 %s
                In-Reply-To: %s
                From: Ana Lima <ana.lima@gmail.com>
                Date: Mon, 16 Nov 2026 11:05:01 +0100
                Message-ID: %s
                Subject: %s
                To: Acme Clinic <support@parse.acme.test>
                Content-Type: multipart/alternative; boundary="000000000000c1f0d805f2a1b2c3"
                """.formatted(inReplyTo, inReplyTo, messageId, subject));
        fields.put("text", """
                Thursday at 3pm works for me.

                Ana

                On Mon, Nov 16, 2026 at 10:02 AM Acme Clinic <hello@acme.test> wrote:

                > Hi Ana, we have openings on Thursday.
                > Which time suits you?
                """);
        fields.put("html", """
                <div dir="ltr">Thursday at 3pm works for me.<div><br></div><div>Ana</div></div><br>\
                <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 16, 2026 at 10:02 AM Acme Clinic \
                &lt;<a href="mailto:hello@acme.test">hello@acme.test</a>&gt; wrote:<br></div>\
                <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Hi Ana, we have openings on Thursday.<br>\
                Which time suits you?</blockquote></div>
                """);
        return fields;
    }

    /** A new mail from Outlook, no threading headers, signature below a rule. */
    static Map<String, String> outlookNewMail(String messageId, String subject, String text) {
        Map<String, String> fields = common("\"Ortiz, Ben\" <Ben.Ortiz@contoso.example>", "ben.ortiz@contoso.example", subject);
        fields.put("headers", """
                Received: from EUR05-AM6-obe.outbound.protection.outlook.com (mail-am6eur05on2090.outbound.protection.outlook.com [40.107.22.90])
                \tby mx0032p1las1.sendgrid.net (Postfix) with ESMTPS id 7F3B2A1C3E
                \tfor <support@parse.acme.test>; Mon, 16 Nov 2026 09:15:40 +0000 (UTC)
                From: "Ortiz, Ben" <Ben.Ortiz@contoso.example>
                To: "support@parse.acme.test" <support@parse.acme.test>
                Subject: %s
                Thread-Topic: %s
                Date: Mon, 16 Nov 2026 09:15:38 +0000
                Message-ID: %s
                Accept-Language: en-US
                Content-Language: en-US
                X-MS-Has-Attach:
                Content-Type: multipart/alternative; boundary="_000_AM6PR05MB6312_"
                MIME-Version: 1.0
                """.formatted(subject, subject, messageId));
        fields.put("text", text);
        fields.put("html", "<html><body><p>" + text.replace("\n", "<br>") + "</p></body></html>");
        return fields;
    }

    /** An Outlook reply: the customer's text above the rule and the "From: … Sent: …" header block. */
    static Map<String, String> outlookReply(String messageId, String subject) {
        Map<String, String> fields = outlookNewMail(messageId, subject, """
                Thanks, see you then.\r
                \r
                Ben\r
                \r
                ________________________________\r
                From: Acme Clinic <hello@acme.test>\r
                Sent: Monday, November 16, 2026 10:02 AM\r
                To: Ortiz, Ben <Ben.Ortiz@contoso.example>\r
                Subject: Your booking\r
                \r
                Hi Ben, your appointment is confirmed.\r
                """);
        return fields;
    }

    private static Map<String, String> common(String from, String envelopeFrom, String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", from);
        fields.put("to", "Acme Clinic <" + OUR_PARSE_ADDRESS + ">");
        fields.put("subject", subject);
        fields.put("envelope", "{\"to\":[\"" + OUR_PARSE_ADDRESS + "\"],\"from\":\"" + envelopeFrom + "\"}");
        fields.put("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"UTF-8\"}");
        fields.put("SPF", "pass");
        fields.put("sender_ip", "209.85.221.41");
        fields.put("spam_score", "0.1");
        fields.put("attachments", "0");
        return fields;
    }
}
