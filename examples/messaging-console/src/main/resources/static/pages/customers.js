// The Customers page.
import { el } from "../lib.js";

export default {
  id: "customers",
  title: "Customers",
  role: "agent",
  show(container) {
    container.replaceChildren(el("h1", { class: "page-title", text: "Customers" }));
  },
};
