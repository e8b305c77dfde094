// Normalizes the submission detail answer (GET /api/submissions/{sid}/detail) into one shape for the pages.
import {ciOf} from './app.js';

const pick = (o, ...keys) => {
  for (const k of keys) {
    if (o && o[k] !== undefined && o[k] !== null) return o[k];
  }
  return undefined;
};

export function normalizeDetail(d) {
  const pub = pick(d, 'public') || {};
  const priv = pick(d, 'private') || null;
  const perThreshold = pick(pub, 'precision_per_threshold', 'per_threshold')
    ?? pick(d, 'precision_per_threshold', 'per_threshold', 'score_per_threshold') ?? [];
  const cellTypes = pick(pub, 'cell_types', 'per_cell_type') ?? pick(d, 'cell_types', 'per_cell_type', 'cell_type_scores') ?? {};
  const errors = pick(d, 'errors', 'error_totals') ?? pick(pub, 'errors') ?? (pub.missed !== undefined ? pub : d);
  const images = (pick(d, 'images', 'rows', 'per_image') ?? pick(pub, 'images') ?? []).map(normalizeImage);
  return {
    id: pick(d, 'id', 'submission_id', 'submission'),
    competition: pick(d, 'competition', 'competition_id'),
    team: pick(d, 'team', 'team_name'),
    status: pick(d, 'status'),
    description: pick(d, 'description'),
    created: pick(d, 'created_at', 'created', 'submitted_at'),
    score: pick(d, 'public_score', 'score') ?? pick(pub, 'score'),
    ci: ciOf(pub) || ciOf(d),
    privateScore: pick(d, 'private_score') ?? pick(priv || {}, 'score'),
    perThreshold: asThresholdArray(perThreshold),
    cellTypes: asEntries(cellTypes),
    errors: {missed: errors.missed ?? 0, spurious: errors.spurious ?? 0, split: errors.split ?? 0, merged: errors.merged ?? 0},
    images,
    raw: d,
  };
}

function asThresholdArray(v) {
  if (Array.isArray(v)) return v.map(x => typeof x === 'number' ? x : pick(x, 'precision', 'score', 'value'));
  if (v && typeof v === 'object') return Object.keys(v).sort((a, b) => Number(a) - Number(b)).map(k => v[k]);
  return [];
}

function asEntries(v) {
  if (Array.isArray(v)) return v.map(x => [pick(x, 'cell_type', 'type', 'name'), pick(x, 'score'), pick(x, 'images')]);
  return Object.entries(v || {}).map(([k, x]) => typeof x === 'number' ? [k, x, undefined] : [k, pick(x, 'score'), pick(x, 'images')]);
}

function normalizeImage(r) {
  const tp = pick(r, 'tp') ?? [], fp = pick(r, 'fp') ?? [], fn = pick(r, 'fn') ?? [];
  return {
    id: pick(r, 'id', 'image', 'image_id'),
    cellType: pick(r, 'cell_type', 'cellType') ?? '',
    usage: pick(r, 'usage') ?? 'Public',
    score: pick(r, 'score'),
    tp, fp, fn,
    cells: pick(r, 'cells') ?? (Array.isArray(tp) && tp.length ? tp[0] + fn[0] : undefined),
    predictions: pick(r, 'predictions') ?? (Array.isArray(tp) && tp.length ? tp[0] + fp[0] : undefined),
    missed: pick(r, 'missed') ?? 0,
    spurious: pick(r, 'spurious') ?? 0,
    split: pick(r, 'split') ?? 0,
    merged: pick(r, 'merged') ?? 0,
  };
}
