// The Settings page.
import { el } from "../lib.js";

export default {
  id: "settings",
  title: "Settings",
  role: "admin",
  show(container) {
    container.replaceChildren(el("h1", { class: "page-title", text: "Settings" }));
  },
};
