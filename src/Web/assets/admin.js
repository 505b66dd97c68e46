// Admin page: token sign-in (this tab only), cursor-paginated reviews with a brand filter, delete with confirmation,
// and charts. Review text is untrusted: it is only ever set as textContent, never parsed as HTML.
import { call } from "./api.js";

const PAGE_SIZE = 20;
const TOKEN_KEY = "reviewpulse-admin-token";
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
const view = { token: sessionStorage.getItem(TOKEN_KEY), brand: "", cursors: [null], page: 0, next: null };

async function admin(path, options = {}) {
  try {
    return await call(path, { ...options, token: view.token });
  } catch (e) {
    if (e.status === 401) signOut(e.message);
    throw e;
  }
}

async function signIn(event) {
  event.preventDefault();
  view.token = $("token").value.trim();
  try {
    await admin("/api/admin/stats");
    sessionStorage.setItem(TOKEN_KEY, view.token);
    await show();
  } catch (e) {
    $("signin-status").textContent = e.message;
  }
}

function signOut(message = "") {
  sessionStorage.removeItem(TOKEN_KEY);
  view.token = null;
  $("dashboard").hidden = true;
  $("signin").hidden = false;
  $("sign-out").hidden = true;
  $("signin-status").textContent = message;
}

async function show() {
  $("signin").hidden = true;
  $("dashboard").hidden = false;
  $("sign-out").hidden = false;
  await Promise.all([loadPage(), loadStats()]);
}

async function loadPage() {
  const cursor = view.cursors[view.page];
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  if (view.brand) query.set("brandId", view.brand);
  try {
    const page = await admin(`/api/admin/reviews?${query}`);
    view.next = page.nextCursor || null;
    renderRows(page.items);
    $("prev").disabled = view.page === 0;
    $("next").disabled = !view.next;
    $("page-info").textContent = `Page ${view.page + 1}`;
    $("status").textContent = page.items.length ? "" : "No reviews yet.";
  } catch (e) {
    $("status").textContent = e.message;
  }
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

function renderRows(items) {
  const body = $("rows");
  body.replaceChildren();
  for (const review of items) {
    const tr = document.createElement("tr");
    tr.dataset.id = review.id;
    cell(tr, new Date(review.createdAt).toLocaleString());
    cell(tr, review.brandId);
    cell(tr, "★".repeat(review.rating));
    cell(tr, review.model ? `${review.model.suggestedRating}★ ${review.model.label}` : "—", "hide-narrow");
    cell(tr, review.text, "text");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "danger";
    remove.textContent = "Delete";
    remove.setAttribute("aria-label", `Delete review of ${review.brandId}`);
    remove.addEventListener("click", () => removeReview(review));
    cell(tr, "").append(remove);
    body.append(tr);
  }
}

async function removeReview(review) {
  const preview = review.text.length > 60 ? `${review.text.slice(0, 60)}…` : review.text;
  if (!window.confirm(`Delete this review of ${review.brandId}?\n\n“${preview}”`)) return;
  let message;
  try {
    await admin(`/api/admin/reviews/${encodeURIComponent(review.id)}`, { method: "DELETE" });
    message = "Review deleted.";
  } catch (e) {
    message = e.message;
  }
  await Promise.all([loadPage(), loadStats()]);
  $("status").textContent = message;
}

async function loadStats() {
  try {
    const stats = await admin("/api/admin/stats");
    $("total").textContent = `(${stats.total} in all)`;
    bars($("chart-ratings"), stats.byRating.map((n, i) => [`${i + 1}★`, n]));
    matrix($("chart-agreement"), stats.ratingVsSuggestion);
    bars($("chart-days"), stats.perDay.slice(-30).map((d) => [d.day.slice(5), d.count]));
  } catch (e) {
    $("status").textContent = e.message;
  }
}

function el(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function bars(svg, data) {
  svg.replaceChildren();
  const max = Math.max(1, ...data.map(([, n]) => n));
  const width = 280 / Math.max(1, data.length);
  data.forEach(([label, n], i) => {
    const h = (130 * n) / max;
    const x = 10 + i * width;
    svg.append(el("rect", { x: x + 2, y: 150 - h, width: Math.max(1, width - 4), height: h, fill: "#1f5fbf" }));
    svg.append(el("text", { x: x + width / 2, y: 145 - h, "text-anchor": "middle", "font-size": 10 }, n ? String(n) : ""));
    if (data.length <= 10 || i % Math.ceil(data.length / 10) === 0) {
      svg.append(el("text", { x: x + width / 2, y: 168, "text-anchor": "middle", "font-size": 10 }, label));
    }
  });
}

function matrix(svg, cells) {
  svg.replaceChildren();
  const max = Math.max(1, ...cells.flat());
  const size = 36;
  svg.append(el("text", { x: 150, y: 12, "text-anchor": "middle", "font-size": 10 }, "model suggestion →"));
  for (let r = 0; r < 5; r++) {
    svg.append(el("text", { x: 52, y: 42 + r * size, "text-anchor": "end", "font-size": 10 }, `${r + 1}★`));
    for (let c = 0; c < 5; c++) {
      const n = cells[r][c];
      const shade = Math.round(245 - 190 * (n / max));
      svg.append(el("rect", { x: 60 + c * size, y: 20 + r * size, width: size - 2, height: size - 2, fill: `rgb(${shade},${shade},255)` }));
      svg.append(el("text", { x: 60 + c * size + size / 2 - 1, y: 42 + r * size, "text-anchor": "middle", "font-size": 10, fill: n / max > 0.6 ? "#fff" : "#1d2330" }, String(n)));
      if (r === 0) svg.append(el("text", { x: 60 + c * size + size / 2, y: 212, "text-anchor": "middle", "font-size": 10 }, `${c + 1}★`));
    }
  }
  svg.append(el("text", { x: 150, y: 232, "text-anchor": "middle", "font-size": 10 }, "rows: visitor rating"));
}

$("signin").addEventListener("submit", signIn);
$("sign-out").addEventListener("click", () => signOut());
$("filter").addEventListener("submit", (event) => {
  event.preventDefault();
  view.brand = $("brand-filter").value.trim();
  view.cursors = [null];
  view.page = 0;
  loadPage();
});
$("next").addEventListener("click", () => {
  if (!view.next) return;
  view.cursors[view.page + 1] = view.next;
  view.page++;
  loadPage();
});
$("prev").addEventListener("click", () => {
  if (view.page === 0) return;
  view.page--;
  loadPage();
});
if (view.token) show();
