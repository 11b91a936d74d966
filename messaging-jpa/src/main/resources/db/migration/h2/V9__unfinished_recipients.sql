-- Whether a campaign still has pending or scheduled recipients, asked after every status move of one of its
-- messages: answered from this index without reading the campaign's other recipients.
CREATE INDEX automation_campaign_recipients_status_idx ON automation_campaign_recipients (tenant_id, campaign_id, status);
