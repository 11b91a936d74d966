// What the pages' forms share: fields with labels and hints, the API's field errors shown beside their inputs, the
// inputs of a template's variables, and a confirmation before what cannot be undone.
import { el, showError } from "../lib.js";

/** Takes away the field errors {@link showFieldError} put in {@code form}, and the banner's message. */
export function clearFieldErrors(form, errorBox) {
  form.querySelectorAll(".field-error").forEach((n) => n.remove());
  form.querySelectorAll("[aria-invalid]").forEach((n) => { n.removeAttribute("aria-invalid"); n.removeAttribute("aria-describedby"); });
  showError(errorBox, null);
}

/**
 * Shows a failed call's message next to the input whose {@code data-field} is the error's field (the API's
 * {@code error.field}, e.g. {@code variants.sms.body}), or in {@code errorBox} when no visible input has it.
 */
export function showFieldError(form, errorBox, error) {
  const input = error.field ? form.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
  if (!input || input.closest("[hidden]")) {
    showError(errorBox, error.message);
    return;
  }
  const errorId = input.id + "-error";
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", errorId);
  input.closest(".field").append(el("p", { class: "field-error", id: errorId, "data-error-for": error.field, text: error.message }));
  input.focus();
}

/** Asks in a modal dialog before something that cannot be undone; answers whether {@code confirmLabel} was chosen. */
export function confirmAction(message, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = el("dialog", { class: "dialog confirm-dialog", "aria-label": confirmLabel },
      el("form", { class: "form", method: "dialog" },
        el("p", { class: "confirm-message", text: message }),
        el("div", { class: "form-actions" },
          el("button", { type: "submit", class: "btn btn-ghost", value: "cancel", text: "Keep" }),
          el("button", { type: "submit", class: "btn btn-primary confirm-yes", value: "confirm", text: confirmLabel }))));
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "confirm");
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A labelled form field: {@code input} (which has an id) with its label and an optional hint under it. */
export function formField(label, input, hint) {
  return el("div", { class: "field" }, el("label", { for: input.id, text: label }), input,
    hint ? el("p", { class: "field-hint", text: hint }) : null);
}

/**
 * A field for each template variable path, with ids {@code idPrefix0}, {@code idPrefix1}…; its {@code data-field}
 * ({@code variables.<path>}) puts the API's "missing variable" error beside it.
 */
export function variableFields(paths, idPrefix, hintFor = () => null) {
  return paths.map((path, i) => formField(path,
    el("input", { id: idPrefix + i, "data-field": "variables." + path, "data-variable": path, autocomplete: "off", spellcheck: "false" }),
    hintFor(path)));
}

/** The values typed into {@code form}'s variable fields; an empty one is left out, so the API names it as missing. */
export function typedVariables(form) {
  const variables = {};
  form.querySelectorAll("[data-variable]").forEach((input) => { if (input.value !== "") variables[input.dataset.variable] = input.value; });
  return variables;
}
