// CellArena pages: shared helpers. Plain ES modules, no external code.

/** Creates an element: el('td', {class: 'num'}, 'text', childNode). Text is always set as text, never as HTML. */
export function el(tag, attrs, ...children) {
  const node = document.createElementNS(tag === 'svg' || attrs?.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false || k === 'svg') continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An SVG element. */
export function svg(tag, attrs, ...children) {
  return el(tag, {...attrs, svg: true}, ...children);
}

export const $ = (sel, root = document) => root.querySelector(sel);

// ---- tokens, kept in localStorage so they are entered once ----
const TEAM_KEY = 'cellarena.teamToken';
const ADMIN_KEY = 'cellarena.adminToken';
export const tokens = {
  team: () => localStorage.getItem(TEAM_KEY),
  admin: () => localStorage.getItem(ADMIN_KEY),
  setTeam: (t) => t ? localStorage.setItem(TEAM_KEY, t.trim()) : localStorage.removeItem(TEAM_KEY),
  setAdmin: (t) => t ? localStorage.setItem(ADMIN_KEY, t.trim()) : localStorage.removeItem(ADMIN_KEY),
  /** The token to send: the team's, else the admin's. */
  any: () => localStorage.getItem(TEAM_KEY) || localStorage.getItem(ADMIN_KEY),
};

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API; JSON in and out. opts.token: 'team' | 'admin' | 'any' | a token string | null. */
export async function api(path, opts = {}) {
  const headers = {...(opts.headers || {})};
  const token = opts.token === undefined ? null
    : opts.token === 'team' ? tokens.team()
    : opts.token === 'admin' ? tokens.admin()
    : opts.token === 'any' ? tokens.any() : opts.token;
  if (token) headers['Authorization'] = 'Bearer ' + token;
  let body = opts.body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData) && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, {method: opts.method || 'GET', headers, body});
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!res.ok) throw new ApiError(res.status, errorMessage(data, res), data);
  return data;
}

/** The human message of an error answer. */
export function errorMessage(data, res) {
  if (data && typeof data === 'object') {
    return data.message || data.error || data.reason || JSON.stringify(data);
  }
  if (typeof data === 'string' && data.trim()) return data.trim();
  return res ? `${res.status} ${res.statusText}` : 'request failed';
}

/** Fetches an authenticated image (an <img> cannot send a bearer token) and returns an object URL. */
export async function imageUrl(path, token = tokens.any()) {
  const res = await fetch(path, {headers: token ? {Authorization: 'Bearer ' + token} : {}});
  if (!res.ok) {
    const text = await res.text();
    let data = text;
    try { data = JSON.parse(text); } catch { /* plain text */ }
    throw new ApiError(res.status, errorMessage(data, res), data);
  }
  return URL.createObjectURL(await res.blob());
}

// ---- formatting ----
export function fmtScore(v, digits = 4) {
  return v === null || v === undefined || Number.isNaN(Number(v)) ? '—' : Number(v).toFixed(digits);
}
/** A count with thousands separators (1,000,000), as on every page. */
export function fmtCount(v) {
  return v === null || v === undefined || Number.isNaN(Number(v)) ? '—' : Number(v).toLocaleString('en-US');
}
export function fmtPct(v) {
  return v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%';
}
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'});
}
export function fmtAgo(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const s = (Date.now() - d.getTime()) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return fmtTime(iso);
}
export function timeEl(iso, ago = true) {
  return iso ? el('time', {datetime: iso, title: fmtTime(iso)}, ago ? fmtAgo(iso) : fmtTime(iso)) : '—';
}
/** "[lo, hi]" of a 95% CI, accepting the shapes the API may use. */
export function ciOf(o) {
  if (!o) return null;
  const c = o.ci95 || o.ci || o.public_ci95 || o.public_ci || o.score_ci;
  if (Array.isArray(c) && c.length === 2) return c;
  if (c && typeof c === 'object' && 'low' in c) return [c.low, c.high];
  if (c && typeof c === 'object' && 'lo' in c) return [c.lo, c.hi];
  if ('ci_low' in o) return [o.ci_low, o.ci_high];
  if ('ci_lo' in o) return [o.ci_lo, o.ci_hi];
  return null;
}
export function ciText(ci) {
  return ci && ci[0] !== null && ci[0] !== undefined ? `95% CI ${fmtScore(ci[0], 3)}–${fmtScore(ci[1], 3)}` : '';
}
export function badge(status) {
  return el('span', {class: 'badge ' + (status || '')}, status || '—');
}

export function notice(kind, ...content) {
  return el('div', {class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status'}, ...content);
}

/** Replaces a container's content. */
export function show(container, ...nodes) {
  container.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false));
}

/** Renders the top bar; `current` names the page for aria-current. */
export function header(current, competitionId) {
  const logo = svg('svg', {viewBox: '0 0 24 24', 'aria-hidden': 'true'},
    svg('circle', {cx: 9, cy: 10, r: 6, fill: 'none', stroke: '#56B4E9', 'stroke-width': 2}),
    svg('circle', {cx: 15, cy: 14, r: 6, fill: 'none', stroke: '#009E73', 'stroke-width': 2}));
  const links = [['home', '/', 'Competitions']];
  if (competitionId) {
    links.push(['leaderboard', `/competitions/${encodeURIComponent(competitionId)}`, 'Leaderboard']);
    links.push(['team', `/competitions/${encodeURIComponent(competitionId)}/team`, 'My team']);
  }
  links.push(['admin', '/admin', 'Admin']);
  const who = el('span', {class: 'who', id: 'who'}, current === 'admin' ? (tokens.admin() ? 'Signed in as the host' : 'Not signed in')
    : tokens.team() ? 'Signed in' : tokens.admin() ? 'Signed in as the host' : 'Not signed in');
  const bar = el('div', {class: 'bar'},
    el('a', {class: 'brand', href: '/'}, logo, 'CellArena'),
    el('nav', {'aria-label': 'Main'}, links.map(([key, href, text]) =>
      el('a', {href, 'aria-current': key === current ? 'page' : null}, text))),
    who);
  const top = document.querySelector('header.top');
  top.replaceChildren(bar);
  if (current !== 'admin' && tokens.team()) {
    myTeam().then(t => { if (t) who.replaceChildren('Signed in as ', el('strong', {}, t.name)); });
  }
}

let me = null, meToken = null;
/** The signed-in team ({id, name}), or null when no team token is saved or it is not valid. Asked once a token. */
export function myTeam() {
  if (!me || meToken !== tokens.team()) {
    meToken = tokens.team();
    me = meToken ? api('/api/me', {token: 'team'}).then(r => r.team).catch(() => null) : Promise.resolve(null);
  }
  return me;
}

/** A button that copies text to the clipboard and says so. */
export function copyButton(text, label = 'Copy') {
  const b = el('button', {class: 'btn small copy', type: 'button', title: 'Copy to the clipboard'}, label);
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = 'Copied';
    } catch {
      const area = el('textarea', {readonly: true, style: 'position:fixed;opacity:0'}, text);
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
      b.textContent = 'Copied';
    }
    setTimeout(() => { b.textContent = label; }, 1500);
  });
  return b;
}

/** Fills a breadcrumb link with the competition's title. */
export function competitionCrumb(link, id) {
  link.href = '/competitions/' + encodeURIComponent(id);
  link.textContent = id;
  api('/api/competitions/' + encodeURIComponent(id)).then(c => { link.textContent = c.title || id; }).catch(() => {});
}

/** The {id} path segments of the current URL: /competitions/abc/team -> ['competitions', 'abc', 'team']. */
export function pathParts() {
  return location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
}

/**
 * Makes a table sortable by clicking its column headers. columns: [{key, label, num, render(row) -> node|text,
 * value(row) -> sortable}]. Returns {render(rows)} which keeps the current sort.
 */
export function sortableTable(table, columns, {sortKey, descending = false, rowAttrs} = {}) {
  let key = sortKey, desc = descending, rows = [];
  const thead = el('thead'), tbody = el('tbody');
  const headRow = el('tr');
  const ths = columns.map(c => {
    const th = el('th', {scope: 'col', class: c.num ? 'num' : c.className || null});
    if (c.sortable === false) th.append(c.label);
    else th.append(el('button', {class: 'sort', type: 'button', onclick: () => {
      if (key === c.key) desc = !desc; else { key = c.key; desc = !!c.num && c.key !== 'rank'; }
      draw();
    }}, c.label));
    headRow.append(th);
    return th;
  });
  thead.append(headRow);
  table.replaceChildren(...[...table.children].filter(n => n.tagName === 'CAPTION'), thead, tbody);
  function val(c, r) { return c.value ? c.value(r) : r[c.key]; }
  function draw() {
    const col = columns.find(c => c.key === key);
    const sorted = [...rows];
    if (col) {
      sorted.sort((a, b) => {
        const x = val(col, a), y = val(col, b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return desc ? -r : r;
      });
    }
    columns.forEach((c, i) => ths[i].setAttribute('aria-sort', c.key === key ? (desc ? 'descending' : 'ascending') : 'none'));
    tbody.replaceChildren(...sorted.map(r => el('tr', rowAttrs ? rowAttrs(r) : {}, columns.map((c, i) => {
      const content = c.render ? c.render(r) : (val(c, r) ?? '—');
      return i === 0 && c.rowHeader ? el('th', {scope: 'row', class: c.num ? 'num' : null}, content)
        : el('td', {class: c.num ? 'num' : c.className || null}, content);
    }))));
    if (!sorted.length) tbody.append(el('tr', {}, el('td', {colspan: columns.length, class: 'empty'}, 'Nothing to show.')));
  }
  return {render(newRows) { rows = newRows; draw(); }, get rows() { return rows; }};
}
