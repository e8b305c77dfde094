import {el, api, header, competitionCrumb, show, notice, tokens, fmtScore, ciText, timeEl, badge, pathParts, sortableTable} from './app.js';
import {precisionChart, barChart, noData} from './charts.js';
import {normalizeDetail} from './detail.js';
import {overlayViewer, glossary} from './overlay.js';

const sid = pathParts()[1];
const content = document.getElementById('content');
header('team');

function stat(label, value, sub, id) {
  return el('div', {class: 'stat', id}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value),
    sub ? el('div', {class: 'sub'}, sub) : null);
}

async function main() {
  if (!tokens.any()) {
    document.querySelector('.crumbs').replaceChildren(el('a', {href: '/'}, 'Competitions'), ' / ', `Submission #${sid}`);
    show(content, notice('info', 'Sign in on your team page first: ', el('a', {href: '/'}, 'pick a competition'), ', then “My team”.'));
    return;
  }
  let sub, raw;
  try {
    sub = await api('/api/submissions/' + encodeURIComponent(sid), {token: 'any'});
  } catch (e) {
    show(content, notice('error', e.status === 404 ? `No submission #${sid}.` : e.status === 401 || e.status === 403
      ? 'This submission belongs to another team, or your token is not valid.' : 'Could not load the submission: ' + e.message));
    return;
  }
  const comp = sub.competition;
  header('team', comp);
  const compHref = '/competitions/' + encodeURIComponent(comp);
  competitionCrumb(document.getElementById('comp-link'), comp);
  document.getElementById('team-link').href = compHref + '/team';
  document.getElementById('title').textContent = `Submission #${sid}`;
  document.title = `Submission #${sid} · CellArena`;

  if (sub.status !== 'scored') {
    const waiting = ['inference_queued', 'inferring', 'queued', 'scoring'].includes(sub.status);
    show(content, el('div', {class: 'card'},
      el('p', {}, badge(sub.status), ' ', sub.status === 'queued' ? `Waiting in the queue${(sub.queue_position ?? sub.position) ? ' (number ' + (sub.queue_position ?? sub.position) + ')' : ''}.`
        : sub.status === 'scoring' ? 'Being scored now.' : sub.status === 'failed' ? 'This submission could not be scored:'
        : sub.status === 'inference_queued' ? 'Waiting for the server to run the model.'
        : sub.status === 'inferring' ? `The server is running the model${sub.model?.inference_progress ? ' (' + sub.model.inference_progress + ')' : ''}.` : ''),
      sub.status === 'failed' ? el('pre', {class: 'reason', id: 'failure-reason'}, sub.error ?? sub.reason ?? '') : null,
      modelLine(sub.model),
      waiting ? el('p', {class: 'small muted'}, 'This page reloads itself when the score is in.') : null));
    if (waiting) setTimeout(main, 1500);
    return;
  }
  try {
    raw = await api(`/api/submissions/${encodeURIComponent(sid)}/detail`, {token: 'any'});
  } catch (e) {
    show(content, notice('error', 'Could not load the breakdown: ' + e.message));
    return;
  }
  const d = normalizeDetail({...sub, ...raw});
  render(d, sub);
}

/** A model submission's run: weights hash, device, engine, seconds per image (null for a CSV). */
function modelLine(m) {
  if (!m) return null;
  const parts = ['weights SHA-256 ' + String(m.weights_sha256 || '').slice(0, 12) + '…'];
  if (m.device) parts.push('ran on ' + m.device + (m.engine ? ' (' + m.engine + ')' : ''));
  if (m.seconds_per_image != null) parts.push(m.seconds_per_image.toFixed(2) + ' s per image over ' + m.images + ' images');
  if (m.inference_seconds != null) parts.push(m.inference_seconds.toFixed(1) + ' s of inference');
  return el('span', {class: 'small muted', id: 'model-run'}, 'Model: ' + parts.join(' · '));
}

function render(d, sub) {
  const publicImages = d.images.filter(i => String(i.usage).toLowerCase() !== 'private');
  const privateImages = d.images.filter(i => String(i.usage).toLowerCase() === 'private');
  const tot = d.errors;
  const scoresOnly = d.raw.feedback === 'scores';
  const summary = el('div', {class: 'grid stats', style: 'margin-bottom:18px'},
    stat('Public score', fmtScore(d.score), ciText(d.ci), 'public-score'),
    d.privateScore !== undefined ? stat('Private score', fmtScore(d.privateScore), 'revealed') : null,
    d.raw.feedback_part ? stat('Feedback score', fmtScore(d.raw.feedback_part.score), 'on no board', 'feedback-score') : null,
    scoresOnly ? null : stat('Images', publicImages.length, privateImages.length ? `+ ${privateImages.length} private` : 'public'),
    scoresOnly ? null : stat('Missed', tot.missed, 'cells, at IoU 0.5', 'missed-total'),
    scoresOnly ? null : stat('Split', tot.split, 'cells, at IoU 0.5', 'split-total'),
    scoresOnly ? null : stat('Merged', tot.merged, 'predictions, at IoU 0.5', 'merged-total'),
    scoresOnly ? null : stat('Spurious', tot.spurious, 'predictions, at IoU 0.5', 'spurious-total'));

  const meta = el('p', {class: 'muted small'},
    d.team ? ['Team ', el('strong', {}, d.team), ' · '] : '', 'submitted ', timeEl(d.created ?? sub.created_at ?? sub.created),
    d.description ? [' · ', el('q', {}, d.description)] : '', sub.final_pick ? [' · ', el('span', {class: 'badge final'}, 'final pick')] : '',
    sub.model ? [el('br'), modelLine(sub.model)] : '');

  const charts = el('div', {class: 'grid two', style: 'margin-bottom:18px'},
    el('section', {class: 'card', 'aria-labelledby': 'chart-h'}, el('h2', {id: 'chart-h'}, 'Precision per IoU threshold'),
      d.perThreshold.length ? precisionChart(d.perThreshold) : noData('Not available.'),
      el('p', {class: 'small muted'}, 'Precision = TP / (TP + FP + FN) at each threshold, averaged over the public images; the score is the mean of these ten.')),
    el('section', {class: 'card', 'aria-labelledby': 'types-h'}, el('h2', {id: 'types-h'}, 'Score per cell type'),
      d.cellTypes.length ? barChart(d.cellTypes.map(([t, v, n]) => [t, v ?? 0, n ? n + ' images' : '']), {title: 'Score per cell type'}) : noData('Not available.'),
      d.cellTypes.length ? el('table', {class: 'small', id: 'cell-type-table'},
        el('caption', {class: 'sr-only'}, 'Score per cell type'),
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Cell type'), el('th', {scope: 'col', class: 'num'}, 'Score'))),
        el('tbody', {}, d.cellTypes.map(([t, v]) => el('tr', {}, el('th', {scope: 'row'}, t), el('td', {class: 'num'}, fmtScore(v)))))) : null));

  let shown = null;
  const viewer = publicImages.length ? overlayViewer(d.id ?? sid,
    [...publicImages].sort((a, b) => a.score - b.score).map(i => ({id: i.id, label: `${i.id} (${i.usage}, ${i.cellType}, ${fmtScore(i.score, 3)})`})),
    {onShow: id => {
      shown = id;
      table.querySelectorAll('tbody tr').forEach(tr => {
        const on = tr.dataset.image === id;
        tr.classList.toggle('selected', on);
        if (on) tr.setAttribute('aria-current', 'true'); else tr.removeAttribute('aria-current');
      });
    }}) : null;

  // The per-image table: Public images, worst first, sortable, filterable by cell type.
  const types = [...new Set(publicImages.map(i => i.cellType))].sort();
  const filter = el('select', {id: 'type-filter'}, el('option', {value: ''}, 'All cell types'), types.map(t => el('option', {value: t}, t)));
  const search = el('input', {type: 'search', id: 'image-search', placeholder: 'image id', size: 14});
  const count = el('span', {class: 'small muted', id: 'image-count', 'aria-live': 'polite'});
  const table = el('table', {id: 'image-table'}, el('caption', {class: 'sr-only'}, 'Per-image results on the public images'));
  const rows = sortableTable(table, [
    {key: 'id', label: 'Image', rowHeader: true, render: r => el('button', {class: 'btn small mono', type: 'button', title: 'Show the overlay',
      onclick: () => { viewer?.select(r.id); document.getElementById('overlay-viewer')?.scrollIntoView({behavior: 'smooth'}); }}, r.id)},
    {key: 'cellType', label: 'Cell type'},
    {key: 'usage', label: 'Part', className: 'hide-sm'},
    {key: 'score', label: 'Score', num: true, render: r => el('span', {class: 'score'}, fmtScore(r.score, 3))},
    {key: 'p50', label: 'P@0.5', num: true, className: 'hide-sm', value: r => prec(r, 0), render: r => fmtScore(prec(r, 0), 3)},
    {key: 'p75', label: 'P@0.75', num: true, className: 'hide-sm', value: r => prec(r, 5), render: r => fmtScore(prec(r, 5), 3)},
    {key: 'cells', label: 'Cells', num: true},
    {key: 'predictions', label: 'Predicted', num: true, className: 'hide-sm'},
    {key: 'missed', label: 'Missed', num: true},
    {key: 'spurious', label: 'Spurious', num: true},
    {key: 'split', label: 'Split', num: true, className: 'hide-sm'},
    {key: 'merged', label: 'Merged', num: true, className: 'hide-sm'},
  ], {sortKey: 'score', descending: false,
    rowAttrs: r => ({dataset: {image: r.id}, class: r.id === shown ? 'selected' : null, 'aria-current': r.id === shown ? 'true' : null})});
  function apply() {
    const t = filter.value, q = search.value.trim().toLowerCase();
    const shown = publicImages.filter(i => (!t || i.cellType === t) && (!q || String(i.id).toLowerCase().includes(q)));
    rows.render(shown);
    count.textContent = `${shown.length} of ${publicImages.length} images`;
  }
  filter.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();

  const perImage = el('section', {class: 'card', 'aria-labelledby': 'images-h'},
    el('h2', {id: 'images-h'}, 'Per image (Feedback and Public images, worst first)'),
    el('div', {class: 'controls'},
      el('label', {for: 'type-filter'}, 'Cell type'), filter,
      el('label', {for: 'image-search'}, 'Find'), search, el('span', {class: 'spacer'}), count),
    el('div', {class: 'table-wrap'}, table),
    el('p', {class: 'small muted'}, 'Click a column header to sort; click an image to see its overlay (coloured by match on the Feedback images, which count on no leaderboard). P@t is the precision at IoU threshold t. Missed, split, merged and spurious are counted at IoU 0.5 (see “What the words mean”).'));

  if (scoresOnly) {
    show(content, meta, summary, charts, el('p', {class: 'small muted', id: 'scores-only'},
      'This competition shows scores only: no per-image breakdown or overlays.'));
    return;
  }
  show(content, meta, summary, glossary(), charts, viewer?.node, perImage,
    privateImages.length ? el('section', {class: 'card'}, el('h2', {}, 'Private images'),
      el('p', {class: 'small muted'}, `${privateImages.length} private images, mean score ${fmtScore(privateImages.reduce((s, i) => s + i.score, 0) / privateImages.length)}.`)) : null);
  if (viewer) viewer.select(rows.rows.length ? [...publicImages].sort((a, b) => a.score - b.score)[0].id : publicImages[0].id);
}

function prec(r, k) {
  const tp = r.tp?.[k], fp = r.fp?.[k], fn = r.fn?.[k];
  if (tp === undefined) return null;
  if (r.cells === 0 && r.predictions === 0) return 1;
  const den = tp + fp + fn;
  return den ? tp / den : 0;
}

main();
