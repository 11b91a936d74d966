// The Templates page.
import { el } from "../lib.js";

export default {
  id: "templates",
  title: "Templates",
  role: "admin",
  show(container) {
    container.replaceChildren(el("h1", { class: "page-title", text: "Templates" }));
  },
};
