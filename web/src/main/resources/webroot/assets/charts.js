// Small hand-drawn SVG charts (no library, works offline).
import {svg, el} from './app.js';

/** Precision per IoU threshold: a line with dots and value labels. values[k] for t = 0.50 + 0.05k. */
export function precisionChart(values, {title = 'Precision per IoU threshold', compare = null} = {}) {
  const W = 560, H = 250, L = 42, R = 14, T = 18, B = 34;
  const x = k => L + (W - L - R) * k / (values.length - 1);
  const y = v => T + (H - T - B) * (1 - v);
  const g = svg('svg', {class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title + ': ' +
    values.map((v, k) => `${(0.5 + 0.05 * k).toFixed(2)}: ${v.toFixed(3)}`).join(', ')});
  g.append(svg('title', {}, title));
  for (let i = 0; i <= 4; i++) {
    const v = i / 4;
    g.append(svg('line', {class: 'gridline', x1: L, x2: W - R, y1: y(v), y2: y(v)}));
    g.append(svg('text', {x: L - 6, y: y(v) + 4, 'text-anchor': 'end'}, v.toFixed(2)));
  }
  values.forEach((_, k) => {
    g.append(svg('text', {x: x(k), y: H - B + 16, 'text-anchor': 'middle'}, (0.5 + 0.05 * k).toFixed(2)));
  });
  g.append(svg('text', {x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle'}, 'IoU threshold'));
  g.append(svg('line', {class: 'axis', x1: L, x2: W - R, y1: y(0), y2: y(0)}));
  const pts = values.map((v, k) => `${x(k)},${y(v)}`).join(' ');
  g.append(svg('polygon', {class: 'area', points: `${x(0)},${y(0)} ${pts} ${x(values.length - 1)},${y(0)}`}));
  if (compare) {
    g.append(svg('polyline', {points: compare.map((v, k) => `${x(k)},${y(v)}`).join(' '), fill: 'none', stroke: '#E69F00', 'stroke-width': 2, 'stroke-dasharray': '5 4'}));
  }
  g.append(svg('polyline', {class: 'line', points: pts}));
  values.forEach((v, k) => {
    g.append(svg('circle', {class: 'dot', cx: x(k), cy: y(v), r: 3.5}, svg('title', {}, `IoU > ${(0.5 + 0.05 * k).toFixed(2)}: precision ${v.toFixed(4)}`)));
    if (k % 3 === 0 || k === values.length - 1) {
      const anchor = k === 0 ? 'start' : k === values.length - 1 ? 'end' : 'middle';
      g.append(svg('text', {class: 'val', x: x(k) + (k === 0 ? 5 : 0), y: y(v) - 8, 'text-anchor': anchor}, v.toFixed(2)));
    }
  });
  return g;
}

/** Horizontal bars: entries [[label, value in 0..1, note]]. */
export function barChart(entries, {title = ''} = {}) {
  const rowH = 30, L = 110, R = 56, W = 560, H = Math.max(1, entries.length) * rowH + 10;
  const g = svg('svg', {class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title + ': ' +
    entries.map(([l, v]) => `${l} ${Number(v).toFixed(3)}`).join(', ')});
  g.append(svg('title', {}, title));
  entries.forEach(([label, v, note], i) => {
    const yy = 5 + i * rowH;
    const w = Math.max(0, (W - L - R) * Math.min(1, v));
    g.append(svg('text', {x: L - 8, y: yy + 19, 'text-anchor': 'end'}, label));
    g.append(svg('rect', {x: L, y: yy + 5, width: W - L - R, height: 20, fill: '#f0f2f6', rx: 3}));
    g.append(svg('rect', {class: 'bar', x: L, y: yy + 5, width: w, height: 20, rx: 3}, svg('title', {}, `${label}: ${Number(v).toFixed(4)}${note ? ' · ' + note : ''}`)));
    g.append(svg('text', {class: 'val', x: L + w + 6, y: yy + 19}, Number(v).toFixed(3)));
  });
  return g;
}

export const thresholds = Array.from({length: 10}, (_, k) => +(0.5 + 0.05 * k).toFixed(2));

/** An empty chart placeholder. */
export function noData(text) {
  return el('p', {class: 'empty'}, text);
}
