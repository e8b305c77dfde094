import {el, api, header, competitionCrumb, show, notice, tokens, fmtScore, pathParts, sortableTable, imageUrl} from './app.js';
import {normalizeDetail} from './detail.js';
import {overlayPath, legend, controls} from './overlay.js';
import {thresholds, precisionChart} from './charts.js';

const comp = pathParts()[1];
// the host (signed in with the admin token only) compares any team's submissions, listed from the admin API
const asHost = !tokens.team() && !!tokens.admin();
header(asHost ? null : 'team', comp);
const compHref = '/competitions/' + encodeURIComponent(comp);
competitionCrumb(document.getElementById('comp-link'), comp);
const crumb = document.getElementById('team-link');
crumb.href = asHost ? '/admin' : compHref + '/team';
crumb.textContent = asHost ? 'Admin' : 'My team';
const content = document.getElementById('content');
const params = new URLSearchParams(location.search);

async function main() {
  if (!tokens.team() && !tokens.admin()) {
    show(content, notice('info', 'Sign in on ', el('a', {href: compHref + '/team'}, 'your team page'), ' first.'));
    return;
  }
  let mine = [];
  try {
    const data = asHost
      ? await api(`/api/admin/competitions/${encodeURIComponent(comp)}/submissions?status=scored`, {token: 'admin'})
      : await api(`/api/competitions/${encodeURIComponent(comp)}/submissions`, {token: 'team'});
    mine = data.submissions.filter(s => s.status === 'scored');
  } catch (e) {
    show(content, notice('error', 'Could not list the submissions to compare: ' + e.message));
    return;
  }
  const a = params.get('a'), b = params.get('b');
  const picker = pickerForm(mine, a, b);
  if (!a || !b) { show(content, picker); return; }
  let da, db;
  try {
    [da, db] = await Promise.all([a, b].map(async id => {
      const [s, d] = await Promise.all([api('/api/submissions/' + encodeURIComponent(id), {token: 'any'}),
        api(`/api/submissions/${encodeURIComponent(id)}/detail`, {token: 'any'})]);
      return normalizeDetail({...s, ...d});
    }));
  } catch (e) {
    show(content, picker, notice('error', 'Could not load both submissions: ' + e.message));
    return;
  }
  render(picker, da, db, a, b);
}

function pickerForm(mine, a, b) {
  const opt = (s, sel) => el('option', {value: s.id, selected: String(s.id) === String(sel)},
    `#${s.id} · ${asHost ? s.team + ' · ' : ''}${fmtScore(s.public_score)}${s.description ? ' · ' + s.description : ''}`);
  const sa = mine.length ? el('select', {id: 'diff-a', name: 'a'}, mine.map(s => opt(s, a))) : el('input', {type: 'text', id: 'diff-a', name: 'a', value: a || '', size: 8});
  const sb = mine.length ? el('select', {id: 'diff-b', name: 'b'}, mine.map(s => opt(s, b))) : el('input', {type: 'text', id: 'diff-b', name: 'b', value: b || '', size: 8});
  return el('form', {class: 'card controls', method: 'get', action: location.pathname},
    el('label', {for: 'diff-a'}, 'Before'), sa, el('label', {for: 'diff-b'}, 'After'), sb,
    el('button', {class: 'btn primary', type: 'submit'}, 'Compare'));
}

function render(picker, da, db, a, b) {
  const before = new Map(da.images.filter(i => String(i.usage).toLowerCase() !== 'private').map(i => [i.id, i]));
  const rows = db.images.filter(i => before.has(i.id)).map(i => {
    const o = before.get(i.id);
    return {id: i.id, cellType: i.cellType, a: o.score, b: i.score, delta: i.score - o.score,
      dMissed: i.missed - o.missed, dSpurious: i.spurious - o.spurious};
  });
  const worse = rows.filter(r => r.delta < -1e-9).length, better = rows.filter(r => r.delta > 1e-9).length;
  const delta = (db.score ?? 0) - (da.score ?? 0);
  const deltaEl = v => el('span', {class: 'delta ' + (v > 1e-9 ? 'up' : v < -1e-9 ? 'down' : '')}, (v > 0 ? '+' : '') + fmtScore(v, 4));
  const summary = el('div', {class: 'grid stats', style: 'margin-bottom:18px'},
    el('div', {class: 'stat'}, el('div', {class: 'label'}, `#${a} (before)`), el('div', {class: 'value'}, fmtScore(da.score))),
    el('div', {class: 'stat'}, el('div', {class: 'label'}, `#${b} (after)`), el('div', {class: 'value'}, fmtScore(db.score))),
    el('div', {class: 'stat', id: 'diff-delta'}, el('div', {class: 'label'}, 'Change'), el('div', {class: 'value'}, deltaEl(delta))),
    el('div', {class: 'stat'}, el('div', {class: 'label'}, 'Images'), el('div', {class: 'value'}, `${better} ↑ · ${worse} ↓`), el('div', {class: 'sub'}, `of ${rows.length} public images`)));

  rows.sort((x, y) => x.delta - y.delta);
  const state = {i: 0, k: 0};
  const images = rows.map(r => ({id: r.id, label: `${r.id} (${(r.delta > 0 ? '+' : '') + r.delta.toFixed(3)})`}));
  const imgA = el('img', {id: 'overlay-a', alt: '', width: 704, height: 520});
  const imgB = el('img', {id: 'overlay-b', alt: '', width: 704, height: 520});
  const message = el('div');
  let token = 0;
  async function load() {
    if (!images.length) return;
    const my = ++token, id = images[state.i].id, t = thresholds[state.k];
    show(message);
    try {
      const [ua, ub] = await Promise.all([imageUrl(overlayPath(a, id, t)), imageUrl(overlayPath(b, id, t))]);
      if (my !== token) return;
      for (const [img, u, n] of [[imgA, ua, a], [imgB, ub, b]]) {
        if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
        img.src = u;
        img.alt = `Submission #${n}, image ${id}, IoU threshold ${t.toFixed(2)}`;
      }
    } catch (e) {
      if (my === token) show(message, notice('error', 'Overlay not available: ' + e.message));
    }
  }
  const ctl = controls(images, state, load, 'diff');
  const viewer = el('section', {class: 'card', id: 'diff-viewer'},
    el('h2', {}, 'Side by side'), ctl, legend(asHost || da.raw.feedback === 'full' || !da.raw.feedback), message,
    el('div', {class: 'side-by-side'},
      el('figure', {}, el('div', {class: 'frame'}, imgA), el('figcaption', {class: 'small muted'}, `Before: #${a}`)),
      el('figure', {}, el('div', {class: 'frame'}, imgB), el('figcaption', {class: 'small muted'}, `After: #${b}`))));

  // what the table's order means, said truly: regressions come first only when there are some
  const order = worse ? 'largest regressions first' : better ? 'no image got worse; smallest gains first' : 'no image changed';
  const table = el('table', {id: 'diff-table'}, el('caption', {class: 'sr-only'}, 'Score change per image, ' + order));
  const t = sortableTable(table, [
    {key: 'id', label: 'Image', rowHeader: true, render: r => el('button', {class: 'btn small mono', type: 'button', onclick: () => {
      state.i = images.findIndex(im => im.id === r.id); ctl.sync(); load(); viewer.scrollIntoView({behavior: 'smooth'});
    }}, r.id)},
    {key: 'cellType', label: 'Cell type'},
    {key: 'a', label: `#${a}`, num: true, render: r => fmtScore(r.a, 3)},
    {key: 'b', label: `#${b}`, num: true, render: r => fmtScore(r.b, 3)},
    {key: 'delta', label: 'Change', num: true, render: r => deltaEl(r.delta)},
    {key: 'dMissed', label: 'Δ missed', num: true, className: 'hide-sm'},
    {key: 'dSpurious', label: 'Δ spurious', num: true, className: 'hide-sm'},
  ], {sortKey: 'delta', descending: false});
  t.render(rows);

  const chart = da.perThreshold.length && db.perThreshold.length ? el('section', {class: 'card'},
    el('h2', {}, 'Precision per threshold'),
    el('p', {class: 'small muted'}, `Solid: #${b} (after); dashed orange: #${a} (before).`),
    precisionChart(db.perThreshold, {compare: da.perThreshold})) : null;

  show(content, picker, summary, viewer,
    el('section', {class: 'card'}, el('h2', {id: 'diff-order'}, 'Per image: ' + order), el('div', {class: 'table-wrap'}, table)),
    chart);
  load();
}

main();
