// Messaging Console: a thin client of the Threadline admin API (see the starter's API contract).
// This module is the inbox page and the page frame (header, navigation, live stream); the other pages are in pages/.
import {
  $, api, channelLabel, clockTime, credentials, dayOf, dispatchStreamEvent, duration, el, hasRole, instantInZone, query,
  relativeTime, showError, state,
} from "./lib.js";
import { clearFieldErrors, showFieldError } from "./pages/forms.js";
import { PAGES } from "./pages/index.js";

const KEY_STORAGE = "threadline.console.apiKey";
const PAGE_SIZE = 30;
const STAT_CHANNELS = ["sms", "email", "voice"];
const AUTHOR_LABELS = { customer: "Customer", ai: "AI assistant", staff: "Staff", system: "System" };

const inbox = {
  selectedId: null,
  detail: null, // the open conversation as last read
  conversations: [],
  nextCursor: null,
  satisfactionById: new Map(),
  stream: null,
};

// ------------------------------------------------------------------ conversation list

/**
 * The list route's parameters of each view: whose conversations, or which ones. Awaiting reply is about the open
 * ones unless a status is picked: a thank-you on an archived conversation waits for nobody.
 */
const VIEWS = {
  "": {}, mine: { assignee: "me" }, unassigned: { assignee: "none" },
  waiting: { sort: "waiting", status: "active" }, spam: { spam: "true" }, drafts: { drafts: "true" },
};

function listQuery(cursor) {
  const view = VIEWS[$("view-filter").value];
  return query({
    ...view,
    channel: $("channel-filter").value, status: $("status-filter").value || view.status, q: $("search").value.trim(),
    unread: $("unread-filter").checked ? "true" : "", page_size: PAGE_SIZE, cursor,
  });
}

async function loadConversations() {
  try {
    const page = await api("/conversations" + listQuery(null));
    inbox.conversations = page.conversations;
    inbox.nextCursor = page.next_cursor;
    showError("list-error", null);
    renderList();
  } catch (e) {
    showError("list-error", e.message);
  }
}

async function loadMore() {
  if (!inbox.nextCursor) return;
  try {
    const page = await api("/conversations" + listQuery(inbox.nextCursor));
    inbox.conversations = inbox.conversations.concat(page.conversations);
    inbox.nextCursor = page.next_cursor;
    renderList();
  } catch (e) {
    showError("list-error", e.message);
  }
}

function renderList() {
  const list = $("conversation-list");
  list.replaceChildren(...inbox.conversations.map(conversationItem));
  $("list-empty").hidden = inbox.conversations.length > 0;
  $("load-more").hidden = !inbox.nextCursor;
}

function conversationItem(c) {
  const unread = c.unread_count > 0;
  const contact = c.customer_name || c.customer_phone || c.customer_email || "Unknown";
  const item = el("li", {
    class: "conversation" + (unread ? " unread" : ""), tabindex: "0", role: "button",
    "data-conversation-id": c.id, "data-channel": c.channel, "data-status": c.status,
    "aria-current": c.id === inbox.selectedId ? "true" : "false",
    "aria-label": `${contact}, ${channelLabel(c.channel)}, ${c.status}` + (unread ? `, ${c.unread_count} unread` : ""),
    onclick: () => openConversation(c.id),
    onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openConversation(c.id); } },
  },
    el("span", { class: "conv-name" }, el("span", { class: "chip", "data-channel": c.channel, text: channelLabel(c.channel) }),
      el("span", { class: "conv-contact", text: contact })),
    el("span", { class: "conv-meta" },
      el("time", { class: "conv-time", datetime: c.last_activity_at, "data-relative": c.last_activity_at, text: relativeTime(c.last_activity_at) }),
      unread ? el("span", { class: "badge unread-badge", "aria-label": `${c.unread_count} unread`, text: String(c.unread_count) }) : null),
    el("span", { class: "conv-headline", text: c.subject ? c.subject + (c.headline ? " — " + c.headline : "") : c.headline || "" }),
    el("span", { class: "conv-preview", text: c.last_message || "" }));
  if (c.status !== "active") item.querySelector(".conv-meta").prepend(el("span", { class: "conv-status", text: c.status }));
  if (c.assignee) item.append(el("span", { class: "conv-assignee", text: "Assigned to " + (c.assignee.name || "someone") }));
  if (c.awaiting_reply_since && $("view-filter").value === "waiting") {
    item.append(el("span", { class: "conv-waiting", "data-waiting": c.awaiting_reply_since,
      text: "Waiting since " + relativeTime(c.awaiting_reply_since) }));
  }
  return item;
}

// ------------------------------------------------------------------ thread

async function openConversation(id) {
  if (inbox.selectedId !== id) closeReplyTools();
  inbox.selectedId = id;
  $("layout").dataset.view = "thread";
  document.querySelectorAll(".conversation").forEach((li) =>
    li.setAttribute("aria-current", li.dataset.conversationId === id ? "true" : "false"));
  await loadThread();
}

async function loadThread() {
  const id = inbox.selectedId;
  if (!id) return;
  try {
    const detail = await api("/conversations/" + encodeURIComponent(id));
    if (inbox.selectedId !== id) return;
    renderThread(detail);
    showError("thread-error", null);
  } catch (e) {
    showError("thread-error", e.message);
  }
}

function renderThread({ conversation: c, messages }) {
  inbox.detail = { conversation: c, messages };
  $("thread-placeholder").hidden = true;
  $("thread-view").hidden = false;
  $("thread-view").dataset.conversationId = c.id;
  $("thread-name").textContent = c.customer.name || c.customer.phone || c.customer.email || "Unknown";
  const channel = $("thread-channel");
  channel.textContent = channelLabel(c.channel);
  channel.dataset.channel = c.channel;
  $("thread-contact").textContent = [c.customer.phone, c.customer.email].filter(Boolean).join(" · ");
  const status = $("thread-status");
  status.textContent = c.status;
  status.dataset.status = c.status;
  $("thread-subject").hidden = !c.subject;
  $("thread-subject").textContent = c.subject ? "Subject: " + c.subject : "";
  $("mark-read-button").disabled = c.unread_count === 0;
  $("complete-button").disabled = c.status !== "active";
  $("archive-button").disabled = c.status === "archived";
  $("generate-button").disabled = c.status === "archived";
  $("generate-button").hidden = c.channel === "voice";
  const mine = state.me && state.me.user && c.assignee && c.assignee.id === state.me.user.id;
  $("thread-assignee").textContent = c.assignee ? "· Assigned to " + (c.assignee.name || "someone") : "";
  // Only a signed-in person can take a conversation; a key has nobody to assign.
  $("assign-button").hidden = !(state.me && state.me.user);
  $("assign-button").textContent = mine ? "Unassign" : "Assign to me";
  $("assign-button").dataset.assign = mine ? "" : (state.me && state.me.user ? state.me.user.id : "");
  $("spam-button").textContent = c.status === "spam" ? "Not spam" : "Spam";
  $("spam-button").dataset.status = c.status === "spam" ? "active" : "spam";
  $("reply-content").disabled = c.status === "archived";
  $("reply-button").disabled = c.status === "archived";
  // A call is over once recorded: it is read as a transcript, and answered (if at all) on another channel.
  $("reply-form").hidden = state.role === "viewer" || c.channel === "voice";
  renderSatisfaction(c.satisfaction);
  rememberSatisfaction(c.id, c.satisfaction, c.last_activity_at);
  renderCall(c, messages);
  loadSuggestions(c);

  const list = $("messages");
  list.classList.toggle("call", c.channel === "voice");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(...messages.map(messageItem));
  if (atBottom || list.dataset.conversationId !== c.id) list.scrollTop = list.scrollHeight;
  list.dataset.conversationId = c.id;
}

function messageItem(m) {
  const outbound = m.direction === "outbound";
  const draft = m.status === "draft";
  return el("li", { class: "message " + m.author + (draft ? " draft" : ""), "data-message-id": m.id, "data-author": m.author },
    el("div", { class: "bubble", text: m.content }),
    el("div", { class: "meta" },
      el("span", { class: "author", text: AUTHOR_LABELS[m.author] || m.author }),
      el("time", { datetime: m.sent_at, text: clockTime(m.sent_at) }),
      outbound ? el("span", { class: "delivery", "data-status": m.status, "aria-label": "Delivery status " + m.status, text: statusText(m.status) }) : null),
    draft && state.role !== "viewer" ? draftActions(m) : null,
    m.status === "scheduled" ? scheduledActions(m) : null);
}

/** When a scheduled message goes out, and (for agents and up) a way to cancel it until then. */
function scheduledActions(m) {
  const when = m.send_at ? "Sends " + clockTime(m.send_at) : "Waiting to be sent";
  const cancel = state.role === "viewer" ? null : el("button", { type: "button", class: "btn scheduled-cancel", text: "Cancel",
    "aria-label": "Cancel the scheduled message",
    onclick: (e) => threadAction(e.currentTarget, () => api("/messages/" + encodeURIComponent(m.id), { method: "DELETE" })) });
  return el("div", { class: "scheduled-actions" }, el("span", { class: "scheduled-at", text: when }), cancel);
}

/** A call reads as a call: how long it took, who spoke how often, and how it ended once scored. */
function renderCall(c, messages) {
  const box = $("call-summary");
  box.hidden = c.channel !== "voice" || messages.length === 0;
  if (box.hidden) { box.replaceChildren(); return; }
  const first = new Date(messages[0].sent_at);
  const last = new Date(messages[messages.length - 1].sent_at);
  const callerTurns = messages.filter((m) => m.author === "customer").length;
  const outcome = c.satisfaction ? c.satisfaction.outcome.replace(/_/g, " ") : "not scored yet";
  box.replaceChildren(
    el("span", {}, "Call ", el("strong", { text: clockTime(messages[0].sent_at) })),
    el("span", {}, "Duration ", el("strong", { id: "call-duration", text: duration((last - first) / 1000) })),
    el("span", {}, "Caller turns ", el("strong", { id: "call-caller-turns", text: String(callerTurns) })),
    el("span", {}, "Agent turns ", el("strong", { id: "call-agent-turns", text: String(messages.length - callerTurns) })),
    el("span", {}, "Outcome ", el("strong", { id: "call-outcome", text: outcome })));
}

// ------------------------------------------------------------------ suggested replies
// Asked for once per conversation and message count: reopening or a status tick does not ask the AI again.

const suggestionsFor = { key: null, list: [] };

async function loadSuggestions(c) {
  const box = $("suggestions");
  const useful = state.role !== "viewer" && c.channel !== "voice" && c.status !== "archived" && c.status !== "spam"
    && c.awaiting_reply_since;
  if (!useful) { box.hidden = true; box.replaceChildren(); return; }
  const key = c.id + "#" + c.message_count;
  if (suggestionsFor.key !== key) {
    suggestionsFor.key = key;
    suggestionsFor.list = [];
    try {
      suggestionsFor.list = (await api("/conversations/" + encodeURIComponent(c.id) + "/suggestions")).suggestions || [];
    } catch (e) {
      suggestionsFor.list = []; // suggestions are a help, not a requirement: the reply box works without them
    }
    if (inbox.selectedId !== c.id) return;
  }
  box.replaceChildren(...suggestionsFor.list.map((text) => el("button", {
    type: "button", class: "suggestion", title: text, text,
    onclick: () => { $("reply-content").value = text; $("reply-content").focus(); },
  })));
  box.hidden = suggestionsFor.list.length === 0;
}

// ------------------------------------------------------------------ templates in the reply box

let templates = null; // GET /templates, read once per page load

/** What the open conversation knows for a template: the customer's name, phone and email. */
function knownVariables() {
  const c = inbox.detail ? inbox.detail.conversation : null;
  if (!c) return {};
  const customer = {};
  if (c.customer.name) customer.name = c.customer.name;
  if (c.customer.phone) customer.phone = c.customer.phone;
  if (c.customer.email) customer.email = c.customer.email;
  return { customer };
}

function valueAt(variables, path) {
  return path.split(".").reduce((node, key) => (node && typeof node === "object" ? node[key] : undefined), variables);
}

function setAt(variables, path, value) {
  const keys = path.split(".");
  let node = variables;
  keys.slice(0, -1).forEach((key) => { node = node[key] = node[key] || {}; });
  node[keys[keys.length - 1]] = value;
}

async function toggleTemplates() {
  const picker = $("template-picker");
  const open = picker.hidden;
  picker.hidden = !open;
  $("templates-toggle").setAttribute("aria-expanded", String(open));
  if (!open) return;
  if (!templates) {
    try {
      templates = (await api("/templates")).templates;
    } catch (e) {
      showError("thread-error", e.message);
      templates = [];
    }
  }
  const select = $("template-select");
  select.replaceChildren(el("option", { value: "", text: templates.length ? "Choose a template…" : "No templates yet" }),
    ...templates.map((t) => el("option", { value: t.name, text: t.name + (t.kind === "canned_reply" ? " (canned reply)" : "") })));
  select.focus();
}

/**
 * Fills the reply box with the chosen template rendered for this conversation. Variables the conversation cannot
 * fill are rendered as [placeholders] and listed, so nobody sends "Hi {{appointment.time}}".
 */
async function useTemplate(name) {
  const template = templates.find((t) => t.name === name);
  if (!template) return;
  const variables = knownVariables();
  const missing = template.variables.filter((path) => valueAt(variables, path) === undefined);
  missing.forEach((path) => setAt(variables, path, "[" + path + "]"));
  try {
    const rendered = await api("/templates/" + encodeURIComponent(name) + "/preview", {
      method: "POST", body: { channel: inbox.detail.conversation.channel, variables },
    });
    const box = $("reply-content");
    box.value = rendered.body;
    const note = $("template-missing");
    note.hidden = missing.length === 0;
    note.textContent = missing.length ? "Fill in before sending: " + missing.join(", ") : "";
    box.focus();
    if (missing.length) {
      const at = rendered.body.indexOf("[" + missing[0] + "]");
      if (at >= 0) box.setSelectionRange(at, at + missing[0].length + 2);
    }
    showError("thread-error", null);
  } catch (e) {
    showError("thread-error", e.message);
  }
}

// ------------------------------------------------------------------ send later

/** Another conversation starts with the reply box's pickers closed. */
function closeReplyTools() {
  $("template-picker").hidden = true;
  $("templates-toggle").setAttribute("aria-expanded", "false");
  $("template-missing").hidden = true;
  $("schedule-row").hidden = true;
  $("later-toggle").setAttribute("aria-expanded", "false");
}

function toggleSchedule() {
  const row = $("schedule-row");
  const open = row.hidden;
  row.hidden = !open;
  $("later-toggle").setAttribute("aria-expanded", String(open));
  if (!open) return;
  const input = $("schedule-at");
  if (!input.value) input.value = dayOf(new Date(Date.now() + 24 * 3600 * 1000)) + "T10:00";
  $("schedule-zone").textContent = "(" + (state.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone) + ")";
  input.focus();
}

function scheduleReply() {
  const content = $("reply-content").value;
  const local = $("schedule-at").value;
  if (!content.trim()) { showError("thread-error", "Write the message to schedule first."); return; }
  if (!local) { showError("thread-error", "Pick when to send it."); return; }
  const sendAt = instantInZone(local, state.timeZone);
  threadAction($("schedule-button"), async () => {
    await api(conversationPath("/reply"), { method: "POST", body: { content, send_at: sendAt.toISOString() } });
    $("reply-content").value = "";
    $("schedule-row").hidden = true;
    $("later-toggle").setAttribute("aria-expanded", "false");
  });
}

/** Approve a draft as it is, edit it and send the edit, or discard it. */
function draftActions(m) {
  const editor = el("textarea", { class: "draft-editor", rows: "3", "aria-label": "Edit the draft", hidden: true });
  const approve = el("button", { type: "button", class: "btn btn-primary draft-approve", text: "Approve",
    onclick: (e) => threadAction(e.currentTarget, () => api("/messages/" + encodeURIComponent(m.id) + "/approve",
      { method: "POST", body: editor.hidden ? {} : { content: editor.value } })) });
  const edit = el("button", { type: "button", class: "btn draft-edit", text: "Edit",
    onclick: () => { editor.value = m.content; editor.hidden = false; edit.hidden = true; approve.textContent = "Send edited"; editor.focus(); } });
  const discard = el("button", { type: "button", class: "btn draft-discard", text: "Discard",
    onclick: (e) => threadAction(e.currentTarget, () => api("/messages/" + encodeURIComponent(m.id), { method: "DELETE" })) });
  return el("div", { class: "draft-actions" }, editor, el("div", { class: "draft-buttons" }, approve, edit, discard));
}

function statusText(status) {
  return { delivered: "✓✓ delivered", read: "✓✓ read", sent: "✓ sent", queued: "queued", sending: "sending…",
    failed: "failed", undelivered: "undelivered", draft: "draft", scheduled: "scheduled", canceled: "canceled" }[status] || status;
}

function renderSatisfaction(s) {
  const box = $("satisfaction");
  if (!s) { box.hidden = true; box.replaceChildren(); return; }
  box.hidden = false;
  box.replaceChildren(
    el("span", {}, "Satisfaction ", el("strong", { id: "satisfaction-score", text: Number(s.score).toFixed(1) }), " / 5"),
    el("span", {}, "Sentiment ", el("strong", { id: "satisfaction-sentiment", "data-sentiment": s.sentiment, text: s.sentiment })),
    el("span", {}, "Outcome ", el("strong", { id: "satisfaction-outcome", text: s.outcome.replace(/_/g, " ") })));
}

async function threadAction(button, action) {
  button.disabled = true;
  try {
    await action();
    showError("thread-error", null);
  } catch (e) {
    showError("thread-error", e.message);
  } finally {
    button.disabled = false;
    await Promise.all([loadThread(), refreshOverview()]);
  }
}

function conversationPath(suffix = "") {
  return "/conversations/" + encodeURIComponent(inbox.selectedId) + suffix;
}

// ------------------------------------------------------------------ new conversation

function syncChannelFields() {
  const channel = $("nc-channel").value;
  document.querySelectorAll("[data-for-channel]").forEach((field) => {
    field.hidden = field.dataset.forChannel !== channel;
  });
}

async function submitNewConversation(event) {
  event.preventDefault();
  const form = event.target;
  const generate = event.submitter ? event.submitter.value === "send-and-reply" : true;
  clearFieldErrors(form, $("new-conversation-error"));
  const channel = $("nc-channel").value;
  const body = {
    channel,
    customer_name: $("nc-name").value.trim(),
    customer_phone: channel === "email" ? null : $("nc-phone").value.trim(),
    customer_email: channel === "email" ? $("nc-email").value.trim() : null,
    subject: channel === "email" ? $("nc-subject").value.trim() || null : null,
    content: $("nc-content").value,
    generate_ai_response: generate,
  };
  const buttons = form.querySelectorAll("button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const result = await api("/send", { method: "POST", body });
    form.reset();
    syncChannelFields();
    $("new-conversation-dialog").close();
    await refreshOverview();
    await openConversation(result.conversation_id);
    if (result.ai_error) showError("thread-error", "The AI reply failed: " + result.ai_error.message);
  } catch (e) {
    showFieldError(form, $("new-conversation-error"), e);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

// ------------------------------------------------------------------ overview strip

async function refreshOverview() {
  await Promise.all([loadConversations(), loadStats()]);
}

async function loadStats() {
  try {
    const [unread, ...totals] = await Promise.all([
      api("/unread"),
      ...STAT_CHANNELS.map((ch) => api("/conversations" + query({ channel: ch, page_size: 1 }))),
    ]);
    STAT_CHANNELS.forEach((ch, i) => { $("stat-" + ch).textContent = String(totals[i].total); });
    $("stat-unread").textContent = String(unread.total);
    await loadDraftsCount();
    await loadSatisfaction();
  } catch (e) {
    showError("list-error", e.message);
  }
}

/** The header's count of AI replies waiting for approval in the caller's inboxes. */
async function loadDraftsCount() {
  if (state.role === "viewer") return;
  const drafts = await api("/conversations" + query({ drafts: "true", page_size: 1 }));
  $("drafts-count").textContent = String(drafts.total);
  $("drafts-count").dataset.count = String(drafts.total);
  $("drafts-button").setAttribute("aria-label", drafts.total + " conversations with drafts to approve");
}

function showView(view) {
  $("view-filter").value = view;
  if (currentPage() !== "inbox") window.location.hash = "#/";
  loadConversations();
}

function rememberSatisfaction(id, satisfaction, lastActivity) {
  inbox.satisfactionById.set(id, { satisfaction: satisfaction || null, lastActivity: lastActivity || null });
}

// The list route carries no scores: read them from the details of the 100 most recent conversations,
// fetching again only those whose activity changed since last time.
async function loadSatisfaction() {
  const page = await api("/conversations" + query({ page_size: 100 }));
  const stale = page.conversations.filter((c) => {
    const known = inbox.satisfactionById.get(c.id);
    return !known || known.lastActivity !== c.last_activity_at;
  });
  await Promise.all(stale.map(async (c) => {
    const detail = c.satisfaction !== undefined ? { conversation: c } : await api("/conversations/" + encodeURIComponent(c.id));
    rememberSatisfaction(c.id, detail.conversation.satisfaction, c.last_activity_at);
  }));
  const scores = page.conversations.map((c) => inbox.satisfactionById.get(c.id))
    .filter((k) => k && k.satisfaction).map((k) => k.satisfaction.score);
  const average = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : null;
  $("stat-satisfaction").replaceChildren(average ? average : "–", average ? el("span", { class: "stat-unit", text: " / 5" }) : "");
}

// ------------------------------------------------------------------ live updates
// EventSource cannot send an Authorization header, so the stream is read with fetch.

function setLive(stateName, text) {
  const badge = $("live-status");
  badge.dataset.state = stateName;
  badge.querySelector(".live-text").textContent = text;
  badge.title = text;
}

let refreshTimer = null;
let threadTimer = null;

function onStreamEvent(name, data) {
  if (!name) return;
  let payload = {};
  try { payload = JSON.parse(data || "{}"); } catch (e) { payload = {}; }
  dispatchStreamEvent(name, payload);
  if (currentPage() !== "inbox") return;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshOverview, 150);
  if (payload.conversation_id && payload.conversation_id === inbox.selectedId) {
    clearTimeout(threadTimer);
    threadTimer = setTimeout(loadThread, 100);
  }
}

async function openStream() {
  if (inbox.stream) inbox.stream.abort();
  const controller = new AbortController();
  inbox.stream = controller;
  let retryDelay = 1000;
  while (!controller.signal.aborted) {
    try {
      const response = await fetch(state.base + "/stream", {
        headers: credentials("GET", { Accept: "text/event-stream" }),
        signal: controller.signal, cache: "no-store",
      });
      if (response.status === 401) { state.onUnauthorized(); return; }
      if (!response.ok || !response.body) throw new Error("stream failed: " + response.status);
      setLive("live", "Live");
      retryDelay = 1000;
      // Anything missed while disconnected is picked up by a full refresh.
      if (currentPage() === "inbox") refreshOverview();
      await readEvents(response.body, onStreamEvent);
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    setLive("offline", "Reconnecting…");
    await new Promise((resolve) => setTimeout(resolve, retryDelay));
    retryDelay = Math.min(retryDelay * 2, 15000);
  }
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let name = "";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === "\r" ? 2 : 1));
      if (line === "") {
        if (data.length || name) onEvent(name || "message", data.join("\n"));
        name = "";
        data = [];
      } else if (line.startsWith(":")) {
        // heartbeat comment
      } else {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") name = val;
        else if (field === "data") data.push(val);
      }
    }
  }
}

// ------------------------------------------------------------------ API key

function askForKey(message) {
  const dialog = $("api-key-dialog");
  showError("api-key-error", message || null);
  $("api-key-input").value = state.apiKey || "";
  if (!dialog.open) dialog.showModal();
}

async function useKey(key) {
  state.apiKey = key;
  localStorage.setItem(KEY_STORAGE, key);
  await begin();
}

async function signOut() {
  localStorage.removeItem(KEY_STORAGE);
  await fetch("logout", { method: "POST", headers: credentials("POST", {}) });
  window.location.assign("login?logout");
}

/** Loads who is working and what they may do, then the overview, then listens for changes. */
async function begin() {
  const me = await api("/me");
  state.me = me;
  state.role = me.role;
  $("view-mine").hidden = !me.user;
  // Viewers read; replying and starting conversations are for agents and up.
  const readOnly = me.role === "viewer";
  $("reply-form").hidden = readOnly;
  $("thread-actions").hidden = readOnly;
  $("new-conversation-button").hidden = readOnly;
  $("drafts-button").hidden = readOnly;
  $("signed-in-as").textContent = me.user ? me.user.name + " · " + me.role : "API key · " + me.role;
  showNavigation();
  route();
  if (currentPage() === "inbox") await refreshOverview();
  openStream();
}

// ------------------------------------------------------------------ startup

function bind() {
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  let searchTimer = null;
  $("search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(loadConversations, 250); });
  ["view-filter", "channel-filter", "status-filter", "unread-filter"].forEach((id) => $(id).addEventListener("change", loadConversations));
  $("load-more").addEventListener("click", loadMore);
  $("back-button").addEventListener("click", () => { $("layout").dataset.view = "list"; });
  $("sign-out-button").addEventListener("click", signOut);
  $("new-conversation-button").addEventListener("click", () => {
    clearFieldErrors($("new-conversation-form"), $("new-conversation-error"));
    $("new-conversation-dialog").showModal();
    $("nc-name").focus();
  });
  $("nc-cancel").addEventListener("click", () => $("new-conversation-dialog").close());
  $("nc-channel").addEventListener("change", syncChannelFields);
  $("new-conversation-form").addEventListener("submit", submitNewConversation);
  $("api-key-button").addEventListener("click", () => askForKey(null));
  $("api-key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const key = $("api-key-input").value.trim();
    if (!key) return;
    $("api-key-dialog").close();
    useKey(key);
  });

  $("reply-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const content = $("reply-content").value;
    if (!content.trim()) return;
    threadAction($("reply-button"), async () => {
      await api(conversationPath("/reply"), { method: "POST", body: { content } });
      $("reply-content").value = "";
    });
  });
  $("reply-content").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("reply-form").requestSubmit();
  });
  $("drafts-button").addEventListener("click", () => showView("drafts"));
  $("templates-toggle").addEventListener("click", toggleTemplates);
  $("template-select").addEventListener("change", (e) => useTemplate(e.target.value));
  $("later-toggle").addEventListener("click", toggleSchedule);
  $("schedule-button").addEventListener("click", scheduleReply);
  $("help-button").addEventListener("click", () => $("help-dialog").showModal());
  document.addEventListener("keydown", onShortcut);
  $("mark-read-button").addEventListener("click", (e) =>
    threadAction(e.currentTarget, () => api(conversationPath("/read"), { method: "POST" })));
  $("generate-button").addEventListener("click", (e) =>
    threadAction(e.currentTarget, () => api("/generate-response", { method: "POST", body: { conversation_id: inbox.selectedId } })));
  $("score-button").addEventListener("click", (e) =>
    threadAction(e.currentTarget, () => api(conversationPath("/score"), { method: "POST" })));
  $("complete-button").addEventListener("click", (e) =>
    threadAction(e.currentTarget, () => api(conversationPath(), { method: "PATCH", body: { status: "completed" } })));
  $("archive-button").addEventListener("click", (e) =>
    threadAction(e.currentTarget, () => api(conversationPath(), { method: "PATCH", body: { status: "archived" } })));
  $("assign-button").addEventListener("click", (e) => {
    const assignee = e.currentTarget.dataset.assign || null;
    threadAction(e.currentTarget, () => api(conversationPath(), { method: "PATCH", body: { assignee_id: assignee } }));
  });
  $("spam-button").addEventListener("click", (e) => {
    const status = e.currentTarget.dataset.status;
    threadAction(e.currentTarget, () => api(conversationPath(), { method: "PATCH", body: { status } }));
  });

  setInterval(() => document.querySelectorAll("[data-relative]").forEach((t) => {
    t.textContent = relativeTime(t.dataset.relative);
  }), 30000);
}

// ------------------------------------------------------------------ keyboard

/** j/k move through the list, r replies, e completes, / searches, ? shows the help; never while typing. */
function onShortcut(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const typing = e.target.closest("input, textarea, select, [contenteditable]");
  if (e.key === "Escape" && typing === $("reply-content")) { $("reply-content").blur(); return; }
  if (typing || document.querySelector("dialog[open]")) return;
  if (e.key === "?") { e.preventDefault(); $("help-dialog").showModal(); return; }
  if (currentPage() !== "inbox") return;
  const actions = {
    j: () => moveSelection(1),
    k: () => moveSelection(-1),
    r: () => { if (!$("reply-form").hidden && !$("thread-view").hidden) $("reply-content").focus(); },
    e: () => { if (!$("thread-view").hidden && !$("complete-button").disabled && !$("thread-actions").hidden) $("complete-button").click(); },
    "/": () => $("search").focus(),
  };
  const action = actions[e.key];
  if (!action) return;
  e.preventDefault();
  action();
}

function moveSelection(step) {
  const items = [...document.querySelectorAll(".conversation")];
  if (!items.length) return;
  const at = items.findIndex((li) => li.dataset.conversationId === inbox.selectedId);
  const next = items[Math.min(items.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
  next.focus();
  openConversation(next.dataset.conversationId);
}

// ------------------------------------------------------------------ pages
// "#/customers/42" shows the customers page with ["42"]; no hash, or a page the role may not see, shows the inbox.

function currentPage() {
  return document.body.dataset.page || "inbox";
}

function route() {
  const [name, ...params] = window.location.hash.replace(/^#\/?/, "").split("/");
  if (name === "c" && params[0]) {
    // "#/c/<id>": a conversation linked from another page opens in the inbox.
    window.history.replaceState(null, "", "#/");
    showPage(null);
    openConversation(decodeURIComponent(params[0]));
    return;
  }
  const page = PAGES.find((p) => p.id === name && hasRole(p.role)) || null;
  showPage(page);
  if (page) page.show($("page-" + page.id), params.map(decodeURIComponent));
}

/** Shows {@code page}, or the inbox for null, and marks it in the navigation. */
function showPage(page) {
  const id = page ? page.id : "inbox";
  const wasInbox = currentPage() === "inbox";
  document.body.dataset.page = id;
  $("page-inbox").hidden = id !== "inbox";
  for (const p of PAGES) $("page-" + p.id).hidden = p !== page;
  document.querySelectorAll("#page-nav a").forEach((a) => {
    if (a.dataset.page === id) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  if (!page && !wasInbox && state.role) refreshOverview();
}

function showNavigation() {
  document.querySelectorAll("#page-nav a").forEach((a) => {
    const page = PAGES.find((p) => p.id === a.dataset.page);
    a.hidden = page !== undefined && !hasRole(page.role);
  });
}

async function start() {
  bind();
  state.onUnauthorized = () => {
    if (state.apiKey) askForKey("That API key was not accepted.");
    else window.location.assign("login");
  };
  window.addEventListener("hashchange", route);
  syncChannelFields();
  let settings = {};
  try {
    settings = await (await fetch("console/settings", { headers: { Accept: "application/json" } })).json();
  } catch (e) {
    settings = {};
  }
  if (settings.api_base_path) state.base = settings.api_base_path;
  if (settings.time_zone) state.timeZone = settings.time_zone;
  if (settings.csrf_header && settings.csrf_token) state.csrf = { header: settings.csrf_header, token: settings.csrf_token };
  if (settings.business_name) {
    $("business-name").textContent = settings.business_name;
    document.title = "Messaging Console · " + settings.business_name;
  }
  // The page is only served to someone signed in; a key chosen earlier in this browser still wins.
  const key = localStorage.getItem(KEY_STORAGE);
  if (key) await useKey(key);
  else await begin();
}

document.addEventListener("DOMContentLoaded", start);
