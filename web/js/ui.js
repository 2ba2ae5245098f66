// What every view shares: errors shown next to the field they concern, a retry panel for a lost
// or reloading server (never a blank page), and a busy state.
import { clear, h, put } from "./dom.js";
import { t } from "./i18n.js";

// Clears a form's field errors.
export function clearErrors(form) {
  for (const el of form.querySelectorAll(".field-error")) el.remove();
  for (const el of form.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ")
      .filter((id) => id && !id.endsWith("-error"));
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
}

// Shows `message` under the form control named `field` (or at the form's top when no control
// has that name) and moves focus there.
export function fieldError(form, field, message) {
  const base = String(field || "").split(/[.[]/)[0];
  const control = base ? form.querySelector(`[name="${CSS.escape(base)}"]`) : null;
  const id = (control ? control.id || base : form.id || "form") + "-error";
  const note = h("p", { class: "field-error", id, role: "alert" }, message);
  if (control) {
    control.setAttribute("aria-invalid", "true");
    const described = control.getAttribute("aria-describedby");
    control.setAttribute("aria-describedby", described ? described + " " + id : id);
    (control.closest(".field") || control).after(note);
    control.focus();
  } else {
    form.prepend(note);
  }
}

// The message for a failed request, in the page's language where it is ours.
export function failureText(failure) {
  if (failure.status === 0) return t("error.unreachable");
  if (failure.status === 503 && failure.code === "not_ready") return t("error.not_ready");
  if (failure.status === 503) return t("error.busy") + " " + failure.message;
  return failure.message;
}

// Shows a failed request: next to its field when the server named one in `form`, otherwise as
// a panel in `where` with a Retry button when trying again may help.
export function showFailure(failure, { form = null, where, retry = null }) {
  if (failure.name === "AbortError") return;
  if (form && failure.field && !failure.retryable &&
      form.querySelector(`[name="${CSS.escape(String(failure.field).split(/[.[]/)[0])}"]`)) {
    fieldError(form, failure.field, failure.message);
    return;
  }
  clear(where);
  put(where, h("div", { class: "problem", role: "alert" },
    h("p", {}, failureText(failure)),
    failure.retryable && retry
      ? h("button", { type: "button", onclick: retry }, t("retry"))
      : null));
}

export function busy(button, on) {
  button.disabled = on;
  button.setAttribute("aria-busy", on ? "true" : "false");
}

// A labelled form control: h("input") etc. wrapped with its label and optional hint.
export function field(label, control, hint) {
  const hintId = hint ? control.id + "-hint" : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return h("div", { class: "field" },
    h("label", { for: control.id }, label),
    control,
    hint ? h("p", { class: "hint", id: hintId }, hint) : null);
}
