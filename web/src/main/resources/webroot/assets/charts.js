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

/** Okabe-Ito colours for the lines of several teams. */
const LINE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#7f3c8d'];

/**
 * The best public score over time of several teams: teams [{team, points: [{at, score}]}], each a step line that
 * rises when a submission improves on the team's best. Returns the chart and its legend.
 */
export function historyChart(teams, {title = 'Best public score over time'} = {}) {
  const W = 720, H = 280, L = 48, R = 16, T = 14, B = 40;
  const all = teams.flatMap(t => t.points);
  const t0 = Math.min(...all.map(p => Date.parse(p.at))), t1 = Math.max(Date.now(), ...all.map(p => Date.parse(p.at)));
  const lo = Math.max(0, Math.floor(Math.min(...all.map(p => p.score)) * 10) / 10), hi = Math.min(1, Math.ceil(Math.max(...all.map(p => p.score)) * 10) / 10 || 1);
  const x = ms => L + (W - L - R) * (t1 === t0 ? 0.5 : (ms - t0) / (t1 - t0));
  const y = v => T + (H - T - B) * (1 - (v - lo) / Math.max(0.05, hi - lo));
  const g = svg('svg', {class: 'chart', id: 'history-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title + ': ' +
    teams.map(t => `${t.team} ${t.points.length ? t.points[t.points.length - 1].score.toFixed(3) : ''}`).join(', ')});
  g.append(svg('title', {}, title));
  for (let i = 0; i <= 4; i++) {
    const v = lo + (Math.max(0.05, hi - lo)) * i / 4;
    g.append(svg('line', {class: 'gridline', x1: L, x2: W - R, y1: y(v), y2: y(v)}));
    g.append(svg('text', {x: L - 6, y: y(v) + 4, 'text-anchor': 'end'}, v.toFixed(2)));
  }
  const fmt = ms => new Date(ms).toLocaleString(undefined, {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'});
  g.append(svg('text', {x: L, y: H - B + 16, 'text-anchor': 'start'}, fmt(t0)));
  g.append(svg('text', {x: W - R, y: H - B + 16, 'text-anchor': 'end'}, fmt(t1)));
  g.append(svg('text', {x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle'}, 'time of submission (now at the right)'));
  g.append(svg('line', {class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B}));
  teams.forEach((t, i) => {
    const colour = LINE_COLOURS[i % LINE_COLOURS.length];
    let d = '', prev = null;
    for (const p of t.points) {
      const px = x(Date.parse(p.at)), py = y(p.score);
      d += prev === null ? `M${px},${py}` : `H${px}V${py}`;
      prev = py;
    }
    if (prev !== null) d += `H${x(t1)}`;
    g.append(svg('path', {d, fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': t.benchmark ? '6 4' : null},
      svg('title', {}, `${t.team}: best ${t.points[t.points.length - 1]?.score.toFixed(4)}`)));
    t.points.forEach(p => g.append(svg('circle', {cx: x(Date.parse(p.at)), cy: y(p.score), r: 3, fill: colour},
      svg('title', {}, `${t.team}: ${p.score.toFixed(4)} at ${new Date(p.at).toLocaleString()}`))));
  });
  const legend = el('div', {class: 'history-legend', 'aria-hidden': 'true'}, teams.map((t, i) =>
    el('span', {}, el('i', {style: `background:${LINE_COLOURS[i % LINE_COLOURS.length]}`}), t.team + (t.benchmark ? ' (benchmark)' : ''))));
  return el('div', {}, g, legend);
}
