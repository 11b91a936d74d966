// The Campaigns page.
import { el } from "../lib.js";

export default {
  id: "campaigns",
  title: "Campaigns",
  role: "admin",
  show(container) {
    container.replaceChildren(el("h1", { class: "page-title", text: "Campaigns" }));
  },
};
