// The API client shared by both pages: JSON in, JSON or problem details out, with messages a visitor can act on.
const base = (window.REVIEWPULSE_CONFIG && window.REVIEWPULSE_CONFIG.apiBase) || "";

export class ApiError extends Error {
  constructor(status, message, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export async function call(path, { method = "GET", body, token, signal } = {}) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers["Authorization"] = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, "The server cannot be reached. Check your connection; nothing you typed is lost.");
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (response.ok) return data;
  const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
  throw new ApiError(response.status, describe(response.status, data, retryAfter), retryAfter);
}

function describe(status, problem, retryAfter) {
  if (status === 429) return `Too many requests: please wait ${retryAfter || 1} s. Your text is kept.`;
  if (status === 503) return "The sentiment model is unavailable right now; you can still submit your review.";
  return (problem && (problem.detail || problem.title)) || `The server answered ${status}.`;
}
