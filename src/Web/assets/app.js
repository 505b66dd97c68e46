// Visitor page: a random brand, a review box scored while typing (latest text always wins), suggested stars the
// visitor can override, the words behind the score, and an idempotent submit.
import { call, ApiError } from "./api.js";

const MAX = 5000;
const PREDICT_DELAY_MS = 40;
const EXPLAIN_DELAY_MS = 350;
const $ = (id) => document.getElementById(id);
const text = $("review-text");
const submit = $("submit");
const stars = [...document.querySelectorAll('input[name="rating"]')];

const state = { brand: null, submissionId: newId(), userRated: false, predictSeq: 0, predictAbort: null, explainSeq: 0, explainAbort: null, timers: {} };

function newId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

function setStatus(message, kind = "") {
  const status = $("status");
  status.textContent = message;
  status.className = `status ${kind}`;
}

async function loadBrand() {
  try {
    const brand = await call("/api/brands/random");
    state.brand = brand;
    $("brand-name").textContent = brand.name;
    $("brand-category").textContent = brand.category;
    $("brand-logo").textContent = brand.monogram;
    const link = $("brand-link");
    link.href = brand.website;
    link.textContent = brand.id;
    updateSubmit();
  } catch (e) {
    $("brand-name").textContent = "No brand available";
    setStatus(e.message, "error");
  }
}

function resetDraft() {
  text.value = "";
  state.submissionId = newId();
  state.userRated = false;
  stars.forEach((s) => (s.checked = false));
  $("stars-hint").textContent = "(suggested by the model until you pick)";
  renderGauge(null, "");
  $("why").hidden = true;
  onInput();
}

function onInput() {
  const value = text.value;
  $("char-count").textContent = `${value.length} / ${MAX}`;
  $("char-count").classList.toggle("over", value.length > MAX);
  updateSubmit();
  $("why").classList.add("stale"); // until the explanation of the new text arrives
  schedule("predict", PREDICT_DELAY_MS, predict);
  schedule("explain", EXPLAIN_DELAY_MS, explain);
}

function updateSubmit() {
  submit.disabled = !state.brand || text.value.trim().length === 0 || text.value.length > MAX || !selectedRating();
}

function schedule(name, delay, fn) {
  clearTimeout(state.timers[name]);
  state.timers[name] = setTimeout(fn, delay);
}

// Each request cancels the one before it, and an answer is shown only if it belongs to the latest request, so a slow
// answer for older text can never overwrite a newer one.
async function predict() {
  const value = text.value;
  state.predictAbort?.abort();
  if (!value.trim()) {
    renderGauge(null, value);
    return;
  }
  const seq = ++state.predictSeq;
  const abort = (state.predictAbort = new AbortController());
  try {
    const result = await call("/api/predict", { method: "POST", body: { text: value }, signal: abort.signal });
    if (seq !== state.predictSeq) return;
    renderGauge(result, value);
    if (!state.userRated) checkRating(result.suggestedRating);
    setStatus("");
  } catch (e) {
    if (e.name === "AbortError" || seq !== state.predictSeq) return;
    setStatus(e.message, "error");
  }
}

async function explain() {
  const value = text.value;
  state.explainAbort?.abort();
  if (!value.trim()) return;
  const seq = ++state.explainSeq;
  const abort = (state.explainAbort = new AbortController());
  try {
    const result = await call("/api/explain", { method: "POST", body: { text: value }, signal: abort.signal });
    if (seq !== state.explainSeq || value !== text.value) return;
    renderWhy(value, result.words);
  } catch (e) {
    if (e.name !== "AbortError" && seq === state.explainSeq) $("why").hidden = true;
  }
}

function renderGauge(result, value) {
  const gauge = $("gauge");
  const fill = $("gauge-fill");
  gauge.dataset.text = value;
  if (!result) {
    fill.style.width = "0%";
    fill.className = "gauge-fill";
    gauge.setAttribute("aria-valuenow", "50");
    gauge.dataset.score = "";
    $("gauge-label").textContent = "Start typing to see how your review sounds.";
    return;
  }
  const percent = Math.round(result.score * 100);
  const tone = result.score < 1 / 3 ? "negative" : result.score < 2 / 3 ? "neutral" : "positive";
  fill.style.width = `${Math.max(percent, 2)}%`;
  fill.className = `gauge-fill ${tone}`;
  gauge.setAttribute("aria-valuenow", String(percent));
  gauge.dataset.score = String(result.score);
  $("gauge-label").textContent = `${percent}% positive — sounds ${tone}. Suggested: ${result.suggestedRating} star${result.suggestedRating > 1 ? "s" : ""}.`;
}

function renderWhy(value, words) {
  const container = $("why-text");
  container.replaceChildren();
  const strongest = Math.max(0.2, ...words.map((w) => Math.abs(w.contribution)));
  let at = 0;
  for (const w of words) {
    container.append(document.createTextNode(value.slice(at, w.start)));
    const span = document.createElement("span");
    span.textContent = value.slice(w.start, w.start + w.length);
    const strength = Math.abs(w.contribution) / strongest;
    if (strength > 0.15) {
      span.className = w.contribution > 0 ? "pos" : "neg";
      span.style.setProperty("--strength", strength.toFixed(2));
      span.title = w.contribution > 0 ? "pushed the score up" : "pushed the score down";
    }
    container.append(span);
    at = w.start + w.length;
  }
  container.append(document.createTextNode(value.slice(at)));
  $("why").classList.remove("stale");
  $("why").hidden = words.length === 0;
}

function selectedRating() {
  const checked = stars.find((s) => s.checked);
  return checked ? Number(checked.value) : null;
}

function checkRating(value) {
  stars.forEach((s) => (s.checked = Number(s.value) === value));
  updateSubmit();
}

async function onSubmit(event) {
  event.preventDefault();
  const rating = selectedRating();
  if (submit.disabled || !rating) return;
  if (!window.confirm(`Submit your ${rating}-star review of ${state.brand.name}?`)) return;
  submit.disabled = true;
  setStatus("Sending…");
  try {
    await call("/api/reviews", { method: "POST", body: { brandId: state.brand.id, text: text.value, rating, submissionId: state.submissionId } });
    setStatus(`Thank you! Your review of ${state.brand.name} is saved.`, "ok");
    resetDraft();
    await loadBrand();
  } catch (e) {
    setStatus(e instanceof ApiError ? e.message : "Something went wrong; your review is kept, try again.", "error");
    updateSubmit();
  }
}

text.addEventListener("input", onInput);
stars.forEach((s) =>
  s.addEventListener("change", () => {
    state.userRated = true;
    $("stars-hint").textContent = "(your choice)";
    updateSubmit();
  })
);
$("review-form").addEventListener("submit", onSubmit);
$("another").addEventListener("click", () => {
  setStatus("");
  resetDraft();
  loadBrand();
});
onInput();
loadBrand();
