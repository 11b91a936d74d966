// What every page of the console shares: who is calling, the admin API, formatting and DOM helpers.

/** The console's state across pages: where the API lives, who is signed in, the business's time zone. */
export const state = {
  base: "/api/admin/messaging",
  apiKey: null, // null: the signed-in session; a key only when someone chose to use one
  csrf: null, // { header, token } of the session, for writes
  role: null,
  me: null, // GET /me: the signed-in user (null for a key), their role and inboxes
  timeZone: undefined, // the browser's own until /console/settings names the business's
  onUnauthorized: () => window.location.assign("login"),
};

const ROLE_RANK = { viewer: 0, agent: 1, admin: 2, owner: 3 };

/** Whether the caller's role includes {@code role} (roles include the ones below them). */
export function hasRole(role) {
  return state.role !== null && ROLE_RANK[state.role] >= ROLE_RANK[role];
}

export const $ = (id) => document.getElementById(id);

export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `Request failed (${status})`);
    this.status = status;
    this.code = error.code || "http_" + status;
    this.field = error.field || null;
  }
}

/** Who the request is from: the chosen API key, else the session cookie (with its CSRF token on writes). */
export function credentials(method, headers) {
  if (state.apiKey) headers.Authorization = "Bearer " + state.apiKey;
  else if (method !== "GET" && state.csrf) headers[state.csrf.header] = state.csrf.token;
  return headers;
}

/** Calls the admin API; answers the parsed JSON body, or throws an {@link ApiError} with the route's error code. */
export async function api(path, { method = "GET", body } = {}) {
  const response = await rawApi(path, { method, body, accept: "application/json" });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
  if (!response.ok) throw failure(response, parsed);
  return parsed;
}

/** Calls the admin API for a body that is not JSON (a CSV download): answers the response. */
export async function apiText(path, accept) {
  const response = await rawApi(path, { method: "GET", accept });
  if (!response.ok) {
    let parsed = null;
    try { parsed = JSON.parse(await response.text()); } catch (e) { parsed = null; }
    throw failure(response, parsed);
  }
  return response;
}

function rawApi(path, { method, body, accept }) {
  const headers = credentials(method, { Accept: accept });
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(state.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

function failure(response, parsed) {
  if (response.status === 401) state.onUnauthorized();
  return new ApiError(response.status, parsed);
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "") continue;
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
  }
  const s = search.toString();
  return s ? "?" + s : "";
}

// ------------------------------------------------------------------ live events

const eventListeners = new Set();

/** Calls {@code listener(name, payload)} for every event of the admin stream until the returned function is called. */
export function onStreamEvent(listener) {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

export function dispatchStreamEvent(name, payload) {
  eventListeners.forEach((listener) => listener(name, payload));
}

// ------------------------------------------------------------------ formatting

export function relativeTime(iso) {
  if (!iso) return "";
  const then = new Date(iso);
  const seconds = Math.round((Date.now() - then.getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes + "m ago";
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours + "h ago";
  const days = Math.round(hours / 24);
  if (days < 7) return days + "d ago";
  return then.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: state.timeZone });
}

// Times read in the business's time zone (console.time-zone), wherever the browser is.
export function dayOf(date) {
  return date.toLocaleDateString("en-CA", { timeZone: state.timeZone });
}

export function clockTime(iso) {
  const d = new Date(iso);
  const sameDay = dayOf(d) === dayOf(new Date());
  const time = d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit", timeZone: state.timeZone });
  return sameDay ? time : d.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: state.timeZone }) + ", " + time;
}

/** A length of time as people say it: "45 s", "12 min", "3 h 5 min". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  const s = Math.round(seconds);
  if (s < 60) return s + " s";
  const minutes = Math.round(s / 60);
  if (minutes < 60) return minutes + " min";
  const hours = Math.floor(minutes / 60);
  return hours + " h" + (minutes % 60 ? " " + (minutes % 60) + " min" : "");
}

export function channelLabel(channel) {
  return { sms: "SMS", email: "Email", voice: "Voice", whatsapp: "WhatsApp", chat: "Chat", all: "All channels" }[channel] || channel;
}

// ------------------------------------------------------------------ DOM

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function showError(id, message) {
  const box = typeof id === "string" ? $(id) : id;
  box.textContent = message || "";
  box.hidden = !message;
}

/** Runs {@code action} with {@code button} disabled, showing a failure in {@code errorBox}; answers whether it worked. */
export async function withButton(button, errorBox, action) {
  button.disabled = true;
  try {
    await action();
    showError(errorBox, null);
    return true;
  } catch (e) {
    showError(errorBox, e.message);
    return false;
  } finally {
    button.disabled = false;
  }
}
