// The Analytics page: a date range in the business's time zone, totals for it, a chart per measure by day, and the
// same range as CSV. The charts are SVG drawn here: a handful of bars and lines needs no charting library.
import { api, apiText, channelLabel, dayOf, duration, el, query, showError, state, withButton } from "../lib.js";

const PRESETS = [7, 14, 30];
const SVG = "http://www.w3.org/2000/svg";
const CHANNEL_COLORS = { sms: "#4f46e5", email: "#d97706", voice: "#16a34a", whatsapp: "#0d9488", chat: "#0284c7" };
const OTHER_COLOR = "#94a3b8";
const STARTED_COLOR = "#c7d2fe";
const BOOKED_COLOR = "#4f46e5";
const SERIES_COLORS = ["#4f46e5", "#d97706"];

// Plot geometry, in viewBox units: the SVG scales to its card's width.
const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 14, right: 14, bottom: 30, left: 52 };

/** The range shown, kept across visits to the page: a preset's day count, or custom first and last days. */
const view = { days: 14, first: null, last: null };

// ------------------------------------------------------------------ dates in the business's time zone

function zone() {
  return state.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "2026-11-21" plus {@code n} days. */
function addDays(day, n) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** How far the zone's wall clock is ahead of UTC at {@code instant}, in milliseconds. */
function zoneOffset(instant) {
  const parts = {};
  new Intl.DateTimeFormat("en-US", {
    timeZone: zone(), hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant).forEach((p) => { parts[p.type] = Number(p.value); });
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a local day starts in the business's zone. Asked twice: the offset may differ across a DST change. */
function startOf(day) {
  const [y, m, d] = day.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let instant = new Date(wall - zoneOffset(new Date(wall)));
  instant = new Date(wall - zoneOffset(instant));
  return instant;
}

/** First and last local day of the range shown. */
function range() {
  if (view.first && view.last) return { first: view.first, last: view.last };
  const today = dayOf(new Date());
  return { first: addDays(today, 1 - view.days), last: today };
}

function daysOf({ first, last }) {
  const days = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

function rangeQuery(granularity) {
  const { first, last } = range();
  return query({
    from: startOf(first).toISOString(), to: startOf(addDays(last, 1)).toISOString(), zone: zone(), granularity,
  });
}

function shortDay(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
}

// ------------------------------------------------------------------ SVG

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

function svgText(x, y, text, attrs = {}) {
  const node = svg("text", { x, y, ...attrs });
  node.textContent = text;
  return node;
}

/** Gridlines for values up to {@code max}: at most four steps of 1, 2 or 5 times a power of ten. */
function niceScale(max, steps = 4) {
  if (!(max > 0)) return { top: steps, step: 1 };
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw);
  return { top: step * Math.ceil(max / step), step };
}

/**
 * A chart of one value per day and series: {@code kind} "bars" stacks the series, "grouped" sets them side by side,
 * "line" joins each series' days that have a value (a missing day breaks nothing: the line skips it).
 * {@code format} writes a value for the axis and the tooltips; {@code scale} may fix the axis ({top, step, bottom}).
 */
function chart({ id, title, description, days, series: given, kind, format, scale }) {
  const series = given.map((s, n) => ({ ...s, color: s.color || SERIES_COLORS[n % SERIES_COLORS.length] }));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const totals = days.map((_, i) => (kind === "bars"
    ? series.reduce((sum, s) => sum + (s.values[i] || 0), 0)
    : Math.max(0, ...series.map((s) => s.values[i] || 0))));
  const { top, step, bottom = 0 } = scale || niceScale(Math.max(0, ...totals));
  const y = (value) => PAD.top + plotHeight - ((value - bottom) / (top - bottom)) * plotHeight;
  const slot = plotWidth / days.length;
  const x = (i) => PAD.left + slot * i;

  const titleId = `chart-${id}-title`;
  const root = svg("svg", {
    class: "chart-svg", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": titleId,
    "data-chart": id, preserveAspectRatio: "xMidYMid meet",
  }, svg("title", { id: titleId }));
  root.querySelector("title").textContent = `${title}: ${description}`;

  for (let value = bottom; value <= top + 1e-9; value += step) {
    root.append(svg("line", { class: "chart-grid", x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value) }),
      svgText(PAD.left - 6, y(value) + 4, format(value, true), { class: "chart-axis", "text-anchor": "end" }));
  }
  const labelEvery = Math.ceil(days.length / 8);
  days.forEach((day, i) => {
    if ((days.length - 1 - i) % labelEvery === 0) {
      root.append(svgText(x(i) + slot / 2, HEIGHT - PAD.bottom + 18, shortDay(day), { class: "chart-axis", "text-anchor": "middle" }));
    }
  });

  if (kind === "line") {
    series.forEach((s) => {
      const points = days.map((day, i) => ({ day, i, value: s.values[i] })).filter((p) => p.value !== null && p.value !== undefined);
      if (points.length > 1) {
        root.append(svg("polyline", {
          class: "chart-line", fill: "none", stroke: s.color,
          points: points.map((p) => `${x(p.i) + slot / 2},${y(p.value)}`).join(" "),
        }));
      }
      for (const p of points) {
        root.append(svg("circle", {
          class: "chart-point", cx: x(p.i) + slot / 2, cy: y(p.value), r: 4, fill: s.color,
          "data-day": p.day, "data-series": s.key, "data-value": p.value,
        }, tooltip(`${shortDay(p.day)} · ${s.label}: ${format(p.value)}`)));
      }
    });
  } else {
    const barGap = Math.min(6, slot * 0.2);
    days.forEach((day, i) => {
      let stacked = 0;
      series.forEach((s, n) => {
        const value = s.values[i] || 0;
        if (value <= 0) return;
        const width = kind === "bars" ? slot - barGap : (slot - barGap) / series.length;
        const left = x(i) + barGap / 2 + (kind === "bars" ? 0 : width * n);
        const base = kind === "bars" ? stacked : 0;
        stacked += value;
        root.append(svg("rect", {
          class: "chart-bar", x: left, width: Math.max(1, width), y: y(base + value), height: y(base) - y(base + value),
          fill: s.color, "data-day": day, "data-series": s.key, "data-value": value,
        }, tooltip(`${shortDay(day)} · ${s.label}: ${format(value)}`)));
      });
    });
  }

  const legend = series.length > 1 || kind === "line"
    ? el("ul", { class: "chart-legend", "aria-label": "Legend" }, ...series.map((s) => {
      const swatch = el("span", { class: "chart-swatch", "aria-hidden": "true" });
      swatch.style.background = s.color;
      return el("li", { "data-series": s.key }, swatch, s.label);
    }))
    : null;
  const empty = series.every((s) => s.values.every((v) => v === null || v === undefined || v === 0));
  return el("section", { class: "card chart", "data-chart": id, "aria-labelledby": `chart-${id}-heading` },
    el("h2", { class: "chart-title", id: `chart-${id}-heading`, text: title }),
    el("p", { class: "chart-description", text: description }),
    root, legend,
    empty ? el("p", { class: "chart-empty", text: "Nothing to measure in this range." }) : null,
    dataTable(title, days, series, format));
}

/** The chart's numbers as a table, for screen readers: a picture of bars tells them little. */
function dataTable(title, days, series, format) {
  const missing = (v) => v === null || v === undefined;
  return el("table", { class: "visually-hidden" },
    el("caption", { text: title }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Day" }), ...series.map((s) => el("th", { scope: "col", text: s.label })))),
    el("tbody", {}, ...days.map((day, i) => el("tr", {},
      el("th", { scope: "row", text: shortDay(day) }),
      ...series.map((s) => el("td", { text: missing(s.values[i]) ? "–" : format(s.values[i]) }))))));
}

function tooltip(text) {
  const title = svg("title");
  title.textContent = text;
  return title;
}

// ------------------------------------------------------------------ measures

const count = (value) => String(Math.round(value));
const percent = (value) => (value === null || value === undefined ? "–" : Math.round(value * 100) + "%");
const score = (value) => (value === null || value === undefined ? "–" : value.toFixed(1));
/** Axis labels of durations stay short: whole hours, else minutes. */
const axisDuration = (seconds, axis) => (!axis ? duration(seconds)
  : seconds > 0 && seconds % 3600 === 0 ? seconds / 3600 + " h" : Math.round(seconds / 60) + " min");

/** An axis for durations in round minutes, or round hours once the longest passes two. */
function durationScale(series) {
  const longest = Math.max(0, ...series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined));
  const unit = longest >= 7200 ? 3600 : 60;
  const { top, step } = niceScale(longest / unit);
  return { bottom: 0, top: top * unit, step: step * unit };
}

/** The day rows as one value per day: {@code channel}'s row ("all" for every channel), {@code measure} of it. */
function perDay(rows, days, channel, measure) {
  const byDay = new Map(rows.filter((r) => r.channel === channel).map((r) => [r.period_start, r]));
  return days.map((day) => (byDay.has(day) ? byDay.get(day)[measure] : null));
}

function charts(daily, days) {
  const channels = [...new Set(daily.rows.map((r) => r.channel).filter((c) => c !== "all"))].sort();
  const volume = channels.map((channel) => {
    const messagesIn = perDay(daily.rows, days, channel, "messages_in");
    const messagesOut = perDay(daily.rows, days, channel, "messages_out");
    return {
      key: channel, label: channelLabel(channel), color: CHANNEL_COLORS[channel] || OTHER_COLOR,
      values: days.map((_, i) => (messagesIn[i] || 0) + (messagesOut[i] || 0)),
    };
  });
  const responses = [
    { key: "response_median_seconds", label: "Median response", values: perDay(daily.rows, days, "all", "response_median_seconds") },
    { key: "first_response_avg_seconds", label: "Average first response", values: perDay(daily.rows, days, "all", "first_response_avg_seconds") },
  ];
  return [
    chart({
      id: "volume", title: "Messages per day", description: "Messages in and out, by channel", days, series: volume,
      kind: "bars", format: count,
    }),
    chart({
      id: "response", title: "Response time", days, kind: "line", format: axisDuration, scale: durationScale(responses),
      description: "Median wait for a reply, and the average wait for the first one", series: responses,
    }),
    chart({
      id: "delivery", title: "Delivery rate", days, kind: "line", format: percent, scale: { bottom: 0, top: 1, step: 0.25 },
      description: "Sent, delivered or read among messages with a known outcome",
      series: [{ key: "delivery_success_rate", label: "Delivered", values: perDay(daily.rows, days, "all", "delivery_success_rate") }],
    }),
    chart({
      id: "satisfaction", title: "Satisfaction", days, kind: "line", format: score, scale: { bottom: 1, top: 5, step: 1 },
      description: "Average score (1–5) of the scored conversations started each day",
      series: [{ key: "satisfaction_avg", label: "Average score", values: perDay(daily.rows, days, "all", "satisfaction_avg") }],
    }),
    chart({
      id: "bookings", title: "Bookings", days, kind: "grouped", format: count,
      description: "Conversations started each day, and those scored as ending in a booking",
      series: [
        { key: "conversations_started", label: "Conversations started", color: STARTED_COLOR, values: perDay(daily.rows, days, "all", "conversations_started") },
        { key: "bookings", label: "Booked", color: BOOKED_COLOR, values: perDay(daily.rows, days, "all", "bookings") },
      ],
    }),
  ];
}

/** The range's totals: the all-channels row of the total report (none when nothing happened). */
function summary(total) {
  const all = total.rows.find((r) => r.channel === "all") || {};
  const card = (measure, label, value, note) => el("div", { class: "stat analytics-stat", "data-measure": measure },
    el("span", { class: "stat-label", text: label }),
    el("span", { class: "stat-value", text: value }),
    note ? el("span", { class: "analytics-stat-note", text: note }) : null);
  const n = (value) => String(value || 0);
  return el("section", { class: "analytics-summary", "aria-label": "Totals for the range" },
    card("conversations_started", "Conversations", n(all.conversations_started)),
    card("messages", "Messages", n((all.messages_in || 0) + (all.messages_out || 0)),
      `${n(all.messages_in)} in · ${n(all.messages_out)} out`),
    card("response_median_seconds", "Median response", duration(all.response_median_seconds)),
    card("first_response_avg_seconds", "First response", duration(all.first_response_avg_seconds), "average"),
    card("delivery_success_rate", "Delivered", percent(all.delivery_success_rate)),
    card("ai_reply_share", "AI replies", percent(all.ai_reply_share)),
    card("satisfaction_avg", "Satisfaction", score(all.satisfaction_avg)),
    card("bookings", "Bookings", n(all.bookings)));
}

// ------------------------------------------------------------------ page

function toolbar(container) {
  const { first, last } = range();
  const presets = el("div", { class: "analytics-presets", role: "group", "aria-label": "Range" },
    ...PRESETS.map((days) => el("button", {
      type: "button", class: "btn", "data-days": String(days),
      "aria-pressed": !view.first && view.days === days ? "true" : "false",
      text: `${days} days`,
      onclick: () => {
        view.days = days;
        view.first = null;
        view.last = null;
        render(container);
        container.querySelector(`[data-days="${days}"]`).focus(); // the toolbar was drawn anew
      },
    })));
  const from = el("input", { type: "date", id: "analytics-from", value: first, max: last, required: true });
  const to = el("input", { type: "date", id: "analytics-to", value: last, required: true });
  const custom = el("form", {
    class: "analytics-custom", "aria-label": "Custom range",
    onsubmit: (e) => {
      e.preventDefault();
      if (!from.value || !to.value || to.value < from.value) {
        showError(container.querySelector(".banner-error"), "Pick a first day on or before the last day.");
        return;
      }
      view.first = from.value;
      view.last = to.value;
      render(container);
      container.querySelector("#analytics-apply").focus();
    },
  },
  el("div", { class: "field" }, el("label", { for: "analytics-from", text: "From" }), from),
  el("div", { class: "field" }, el("label", { for: "analytics-to", text: "To" }), to),
  el("button", { type: "submit", class: "btn", id: "analytics-apply", text: "Apply" }));
  const download = el("button", {
    type: "button", class: "btn btn-primary", id: "analytics-download", text: "Download CSV",
    onclick: () => withButton(download, container.querySelector(".banner-error"), downloadCsv),
  });
  return el("div", { class: "page-toolbar analytics-toolbar" }, presets, custom, download);
}

/** Fetches the range as CSV with the console's credentials and hands it to the browser as a file. */
async function downloadCsv() {
  const response = await apiText("/analytics.csv" + rangeQuery("day"), "text/csv");
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: "analytics.csv", hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL would only hold the data in memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

let rendering = 0;

async function render(container) {
  const ticket = ++rendering;
  const { first, last } = range();
  const error = el("div", { class: "banner banner-error", role: "alert", hidden: true });
  const body = el("div", { class: "analytics-body", "aria-busy": "true" }, el("p", { class: "empty", text: "Loading…" }));
  container.replaceChildren(
    el("h1", { class: "page-title", text: "Analytics" }),
    toolbar(container),
    el("p", { class: "analytics-range", id: "analytics-range", "data-first": first, "data-last": last,
      text: `${shortDay(first)} – ${shortDay(last)}, ${zone()}` }),
    error, body);
  try {
    const [daily, total] = await Promise.all([api("/analytics" + rangeQuery("day")), api("/analytics" + rangeQuery("total"))]);
    if (ticket !== rendering) return;
    body.replaceChildren(summary(total), el("div", { class: "cards analytics-charts" }, ...charts(daily, daysOf({ first, last }))));
    body.setAttribute("aria-busy", "false");
  } catch (e) {
    if (ticket !== rendering) return;
    body.replaceChildren();
    showError(error, e.message);
  }
}

export default {
  id: "analytics",
  title: "Analytics",
  role: "admin",
  show(container) {
    render(container);
  },
};
