// The console's pages besides the inbox, in navigation order. Each is { id, title, role, show(container, params) }:
// `role` is the least role that sees it, `show` renders it into its container whenever it is navigated to.
import analytics from "./analytics.js";
import campaigns from "./campaigns.js";
import customers from "./customers.js";
import settings from "./settings.js";
import templates from "./templates.js";

export const PAGES = [customers, campaigns, analytics, templates, settings];
