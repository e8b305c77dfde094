// The overlay viewer: a submission's image with contours coloured by outcome, stepping through thresholds and images.
import {el, api, imageUrl, show, notice, fmtScore} from './app.js';
import {thresholds} from './charts.js';

export function overlayPath(sid, imageId, t, ext = 'png') {
  return `/api/submissions/${encodeURIComponent(sid)}/overlay/${encodeURIComponent(imageId)}.${ext}?threshold=${t.toFixed(2)}`;
}

export function legend(withTruth = true) {
  const item = (color, text) => el('span', {}, el('i', {style: `background:${color}`, 'aria-hidden': 'true'}), text);
  return el('div', {class: 'legend', 'aria-label': 'Colour key'},
    withTruth ? item('var(--matched)', 'cell matched') : null, item('var(--matched-pred)', 'prediction matched'),
    withTruth ? item('var(--missed)', 'cell unmatched (FN)') : null, item('var(--spurious)', 'prediction unmatched (FP)'));
}

/** The words of the breakdown, defined once for the submission page and its overlay viewer. */
export function glossary() {
  const term = (t, d) => [el('dt', {}, t), el('dd', {}, d)];
  return el('details', {class: 'glossary', id: 'glossary'}, el('summary', {}, 'What the words mean'),
    el('dl', {},
      term('matched / unmatched', 'At an IoU threshold t, a cell and a prediction match when their IoU exceeds t. An unmatched cell counts as a false negative (FN), an unmatched prediction as a false positive (FP).'),
      term('missed', 'A cell unmatched at IoU 0.5 that is neither split nor merged.'),
      term('split', 'A cell unmatched at IoU 0.5 with two or more predictions lying mostly within it (those predictions are its pieces).'),
      term('merged', 'A prediction unmatched at IoU 0.5 with two or more cells lying mostly within it (those cells are merged too).'),
      term('spurious', 'A prediction unmatched at IoU 0.5 that is neither merged nor a piece of a split cell.'),
      term('counts', 'Missed, split, merged and spurious are counted at IoU 0.5; the overlay shows matches at the threshold you pick, and for each unmatched object its word at 0.5 when the ground truth is shown.')));
}

/** Controls shared by the viewers: image picker, previous/next, threshold slider. */
export function controls(images, state, onChange, idPrefix = 'ov') {
  const select = el('select', {id: idPrefix + '-image', 'aria-label': 'Image'},
    images.map(im => el('option', {value: im.id}, im.label || im.id)));
  const range = el('input', {type: 'range', id: idPrefix + '-threshold', min: 0, max: 9, step: 1, value: state.k,
    'aria-valuetext': 'IoU threshold ' + thresholds[state.k].toFixed(2)});
  const out = el('output', {for: idPrefix + '-threshold', id: idPrefix + '-threshold-value'}, thresholds[state.k].toFixed(2));
  const prev = el('button', {class: 'btn small', type: 'button', 'aria-label': 'Previous image'}, '‹ Prev');
  const next = el('button', {class: 'btn small', type: 'button', 'aria-label': 'Next image'}, 'Next ›');
  const sync = () => {
    select.value = images[state.i].id;
    range.value = state.k;
    out.textContent = thresholds[state.k].toFixed(2);
    range.setAttribute('aria-valuetext', 'IoU threshold ' + thresholds[state.k].toFixed(2));
    prev.disabled = state.i === 0;
    next.disabled = state.i === images.length - 1;
  };
  select.addEventListener('change', () => { state.i = images.findIndex(im => im.id === select.value); sync(); onChange(); });
  range.addEventListener('input', () => { state.k = Number(range.value); sync(); onChange(); });
  prev.addEventListener('click', () => { if (state.i > 0) { state.i--; sync(); onChange(); } });
  next.addEventListener('click', () => { if (state.i < images.length - 1) { state.i++; sync(); onChange(); } });
  sync();
  const box = el('div', {class: 'controls'},
    el('label', {for: idPrefix + '-image'}, 'Image'), select, prev, next,
    el('span', {class: 'spacer'}),
    el('label', {for: idPrefix + '-threshold'}, 'IoU threshold'), range, out);
  box.sync = sync;
  /** Moves by di images and dk thresholds (keyboard: left/right and up/down). */
  box.step = (di, dk) => {
    const i = Math.max(0, Math.min(images.length - 1, state.i + di)), k = Math.max(0, Math.min(9, state.k + dk));
    if (i !== state.i || k !== state.k) { state.i = i; state.k = k; sync(); onChange(); }
  };
  return box;
}

/**
 * The viewer of one submission. images: [{id, label}] in the table's order. Returns {node, select(imageId)}.
 */
export function overlayViewer(sid, images, {onShow = () => {}} = {}) {
  const state = {i: 0, k: 0};
  const img = el('img', {id: 'overlay-image', alt: 'Overlay loading', width: 704, height: 520});
  const caption = el('figcaption', {id: 'overlay-caption'});
  const mark = el('div', {class: 'mark hidden', 'aria-hidden': 'true'});
  const frame = el('div', {class: 'frame'}, el('div', {class: 'stage'}, img, mark));
  const side = el('div', {class: 'cells', id: 'overlay-cells'});
  const message = el('div');
  let token = 0;
  async function load() {
    const my = ++token;
    const im = images[state.i], t = thresholds[state.k];
    onShow(im.id);
    show(message);
    img.setAttribute('aria-busy', 'true');
    try {
      const [url, table] = await Promise.all([
        imageUrl(overlayPath(sid, im.id, t)),
        api(overlayPath(sid, im.id, t, 'json'), {token: 'any'})]);
      if (my !== token) { URL.revokeObjectURL(url); return; }
      const old = img.src;
      img.src = url;
      if (old.startsWith('blob:')) URL.revokeObjectURL(old);
      img.width = table.width; img.height = table.height;
      img.alt = `Image ${im.id} at IoU threshold ${t.toFixed(2)}: ${table.tp} cells matched (TP), ${table.fn} unmatched (FN), ${table.fp} predictions unmatched (FP)` +
        (table.image ? '' : ' (no image file: contours on a plain canvas)');
      legendBox.replaceChildren(legend(table.truth));
      note.textContent = table.shown === 'counts' ? 'Your predicted contours. This image counts on a leaderboard, so whether each prediction matched is not shown, only the image\u2019s counts: see the Feedback images for the detail.'
        : table.truth ? 'Ground-truth and predicted contours, coloured by whether each is matched at the chosen IoU threshold. Step through thresholds to see where matches are lost (click the image, then use the arrow keys).'
        : 'Your predicted contours, coloured by whether each is matched at the chosen IoU threshold; the ground truth of this competition is not shown. Step through thresholds to see where matches are lost (click the image, then use the arrow keys).';
      show(caption, `${im.id} · IoU > ${t.toFixed(2)}: precision ${fmtScore(table.precision, 3)} (TP ${table.tp}, FP ${table.fp}, FN ${table.fn}) · image score ${fmtScore(table.score, 3)}`,
        table.image ? '' : ' · no image file, plain canvas');
      mark.classList.add('hidden');
      renderCells(side, table, (bbox) => highlight(mark, bbox, table));
    } catch (e) {
      if (my !== token) return;
      img.removeAttribute('src');
      img.alt = 'Overlay not available';
      show(message, notice('error', 'Overlay not available: ' + e.message));
      show(side);
    } finally {
      img.removeAttribute('aria-busy');
    }
  }
  const ctl = controls(images, state, load);
  const legendBox = el('div', {}, legend());
  const note = el('p', {class: 'small muted'});
  frame.tabIndex = 0;
  frame.setAttribute('aria-label', 'Overlay image: arrow keys left and right change the image, up and down the threshold');
  frame.addEventListener('keydown', e => {
    const moves = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};
    if (moves[e.key]) { e.preventDefault(); ctl.step(...moves[e.key]); }
  });
  const node = el('section', {class: 'card', id: 'overlay-viewer', 'aria-labelledby': 'overlay-h'},
    el('h2', {id: 'overlay-h'}, 'Overlay'),
    note, ctl, legendBox, message,
    el('div', {class: 'viewer'}, el('figure', {}, frame, caption), side));
  return {
    node,
    select(imageId) {
      const i = images.findIndex(im => im.id === imageId);
      if (i >= 0) { state.i = i; ctl.sync(); load(); }
    },
    load,
  };
}

/** Frames one object on the overlay (bbox = [x0, y0, x1, y1] in image pixels), in percent so it scales with the image. */
function highlight(mark, bbox, table) {
  if (!bbox || bbox.length !== 4) { mark.classList.add('hidden'); return; }
  const pad = 3;
  const [x0, y0, x1, y1] = [bbox[0] - pad, bbox[1] - pad, bbox[2] + pad + 1, bbox[3] + pad + 1];
  Object.assign(mark.style, {left: 100 * x0 / table.width + '%', top: 100 * y0 / table.height + '%',
    width: 100 * (x1 - x0) / table.width + '%', height: 100 * (y1 - y0) / table.height + '%'});
  mark.classList.remove('hidden');
}

function renderCells(side, table, onPick) {
  // The outcome at the threshold; an unmatched object also gets its word at IoU 0.5 where the truth is shown.
  const word = c => c.outcome === 'matched' ? 'matched' : !c.at_0_5 ? 'unmatched'
    : c.at_0_5 === 'matched' ? 'IoU too low' : c.at_0_5;
  const row = (kind, c) => el('tr', {class: c.outcome + ' pickable', tabindex: 0, title: 'Show where it is',
    onclick: () => onPick(c.bbox), onfocus: () => onPick(c.bbox), onmouseenter: () => onPick(c.bbox)},
    el('th', {scope: 'row'}, kind + ' ' + c.index),
    el('td', {class: 'num'}, c.area),
    el('td', {class: 'num'}, fmtScore(c.best_iou, 3)),
    el('td', {}, el('span', {class: 'badge', style: `background:${bg(kind, c.outcome)};color:#1d2330`}, word(c))));
  const worstFirst = list => [...list].sort((a, b) => a.best_iou - b.best_iou);
  if (table.shown === 'counts') {
    show(side, el('table', {class: 'small', id: 'overlay-cell-table'},
      el('caption', {}, `Your predictions (${table.predictions.length})`),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Object'), el('th', {scope: 'col', class: 'num'}, 'Area'))),
      el('tbody', {}, table.predictions.map(p => el('tr', {class: 'pickable', tabindex: 0, title: 'Show where it is',
        onclick: () => onPick(p.bbox), onfocus: () => onPick(p.bbox), onmouseenter: () => onPick(p.bbox)},
        el('th', {scope: 'row'}, 'prediction ' + p.index), el('td', {class: 'num'}, p.area))))));
    return;
  }
  if (!table.truth) {
    show(side, el('table', {class: 'small', id: 'overlay-cell-table'},
      el('caption', {}, `Your predictions (${table.predictions.length}), worst first`),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Object'), el('th', {scope: 'col', class: 'num'}, 'Area'),
        el('th', {scope: 'col', class: 'num'}, 'Best IoU'), el('th', {scope: 'col'}, 'Outcome'))),
      el('tbody', {}, worstFirst(table.predictions).map(p => row('prediction', p)))));
    return;
  }
  const preds = worstFirst(table.predictions.filter(p => p.outcome !== 'matched'));
  show(side, el('table', {class: 'small', id: 'overlay-cell-table'},
    el('caption', {}, `Cells (${table.cells.length}) and unmatched predictions (${preds.length}), worst first`),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Object'), el('th', {scope: 'col', class: 'num'}, 'Area'),
      el('th', {scope: 'col', class: 'num'}, 'Best IoU'), el('th', {scope: 'col'}, 'Outcome'))),
    el('tbody', {}, worstFirst(table.cells).map(c => row('cell', c)), preds.map(p => row('prediction', p)))));
}

function bg(kind, outcome) {
  return outcome === 'matched' ? '#bfe8da' : kind === 'cell' ? '#efd3e3' : '#f7f1b0';
}
