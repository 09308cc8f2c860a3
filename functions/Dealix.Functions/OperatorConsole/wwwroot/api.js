// The app's JSON API with the signed-in operator key (sessionStorage: gone when the tab closes).
const KEY = 'dealix.key';
const TENANT = 'dealix.tenant';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  get tenant() { return sessionStorage.getItem(TENANT) ?? ''; },
  set tenant(value) { sessionStorage.setItem(TENANT, value); },
  info: null,
  management: false,
  save(key) { sessionStorage.setItem(KEY, key); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(TENANT); this.info = null; this.management = false; },
};

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

/** Calls `path` with the key, the tenant and the operator id; answers the parsed JSON (or null), throws ApiError. */
export async function api(path, { method = 'GET', body, headers = {}, key = session.key, tenant = true, raw = false } = {}) {
  const all = { 'x-functions-key': key ?? '', ...headers };
  if (tenant && session.tenant) all['X-Tenant-Id'] = session.tenant;
  if (session.info) all['X-Operator-Id'] = session.info.key_id;
  if (body !== undefined) all['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  if (raw) return response;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) throw new ApiError(response.status, json?.detail ?? json?.title ?? text);
  return json;
}
