// Settings (admins): how the AI answers in each inbox.
import { api, el, showError } from "../lib.js";

const MODES = [
  ["auto", "Auto: the AI replies at once"],
  ["draft", "Draft: the AI writes, staff approve"],
  ["off", "Off: staff reply"],
];

export default {
  id: "settings",
  title: "Settings",
  role: "admin",
  async show(container) {
    const error = el("div", { class: "banner banner-error", role: "alert", hidden: true });
    const rows = el("tbody", { id: "inbox-settings" });
    container.replaceChildren(
      el("h1", { class: "page-title", text: "Settings" }),
      el("section", { class: "card settings-card", "aria-labelledby": "ai-mode-title" },
        el("h2", { id: "ai-mode-title", text: "AI replies per inbox" }),
        el("p", { class: "hint", text: "What happens when a customer writes to an inbox. An inbox without a mode follows the business's default." }),
        error,
        el("div", { class: "table-wrap" }, el("table", { class: "table" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Inbox" }), el("th", { scope: "col", text: "Addresses" }),
            el("th", { scope: "col", text: "AI mode" }))),
          rows))));
    try {
      const { inboxes } = await api("/inboxes");
      rows.replaceChildren(...inboxes.map((inbox) => inboxRow(inbox, error)));
    } catch (e) {
      showError(error, e.message);
    }
  },
};

function inboxRow(inbox, error) {
  const id = "ai-mode-" + inbox.id;
  const saved = el("span", { class: "saved hint", role: "status", "aria-live": "polite" });
  const select = el("select", { id, "data-inbox-id": inbox.id },
    inbox.ai_mode ? null : el("option", { value: "", text: "Business default", selected: true, disabled: true }),
    ...MODES.map(([value, label]) => el("option", { value, text: label, selected: inbox.ai_mode === value })));
  select.addEventListener("change", async () => {
    select.disabled = true;
    saved.textContent = "";
    try {
      const { inbox: updated } = await api("/inboxes/" + encodeURIComponent(inbox.id), { method: "PATCH", body: { ai_mode: select.value } });
      saved.textContent = "Saved";
      select.value = updated.ai_mode;
      showError(error, null);
    } catch (e) {
      showError(error, e.message);
    } finally {
      select.disabled = false;
    }
  });
  return el("tr", { "data-inbox-id": inbox.id },
    el("td", {}, el("label", { for: id, class: "inbox-name", text: inbox.name })),
    el("td", { class: "hint", text: inbox.addresses.length ? inbox.addresses.join(", ") : "–" }),
    el("td", {}, select, " ", saved));
}
