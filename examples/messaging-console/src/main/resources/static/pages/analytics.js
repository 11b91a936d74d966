// The Analytics page.
import { el } from "../lib.js";

export default {
  id: "analytics",
  title: "Analytics",
  role: "admin",
  show(container) {
    container.replaceChildren(el("h1", { class: "page-title", text: "Analytics" }));
  },
};
