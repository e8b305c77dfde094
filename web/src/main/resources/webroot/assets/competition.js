import {el, api, header, show, notice, fmtScore, ciOf, ciText, timeEl, pathParts, sortableTable} from './app.js';

const id = pathParts()[1];
header('leaderboard', id);
const content = document.getElementById('content');
const base = '/api/competitions/' + encodeURIComponent(id);

function boardTable(rows, caption, privateBoard) {
  const table = el('table', {id: privateBoard ? 'private-leaderboard' : 'leaderboard'}, el('caption', {class: 'sr-only'}, caption));
  const t = sortableTable(table, [
    {key: 'rank', label: 'Rank', className: 'rank-col', render: r => el('span', {class: 'rank r' + r.rank}, r.rank)},
    {key: 'team', label: 'Team', className: 'team', render: r => el('strong', {}, r.team)},
    {key: 'score', label: privateBoard ? 'Private score' : 'Score', num: true, render: r => {
      const ci = ciOf(r);
      return el('span', {}, el('span', {class: 'score'}, fmtScore(r.score)),
        ci ? el('br') : null, ci ? el('span', {class: 'ci'}, ciText(ci)) : null);
    }},
    ...(privateBoard ? [{key: 'public_score', label: 'Public score', num: true, className: 'hide-sm', render: r => fmtScore(r.public_score)}] : []),
    {key: 'entries', label: 'Entries', num: true},
    {key: 'last', label: 'Last', className: 'hide-sm', render: r => timeEl(r.last), value: r => r.last},
  ], {sortKey: 'rank'});
  t.render(rows);
  return el('div', {class: 'table-wrap'}, table);
}

async function load() {
  let comp = null;
  try { comp = await api(base); } catch { /* the leaderboard alone is enough */ }
  let board;
  try {
    board = await api(base + '/leaderboard');
  } catch (e) {
    show(content, notice('error', e.status === 404 ? `No competition "${id}".` : 'Could not load the leaderboard: ' + e.message));
    return;
  }
  const c = comp?.competition || comp || board.competition || {};
  const title = (typeof c === 'object' ? c.title : null) || id;
  document.getElementById('title').textContent = title;
  document.title = title + ' · CellArena';
  document.getElementById('description').textContent = (typeof c === 'object' && c.description) || '';

  const parts = [];
  const facts = el('div', {class: 'grid stats'},
    stat('Teams', board.rows.length),
    stat('Public images', c.public_images ?? '—'),
    stat('Daily limit', c.daily_limit ?? '—', 'scored submissions per day'),
    stat('Deadline', c.deadline ? new Date(c.deadline).toLocaleDateString() : 'none'));
  parts.push(el('div', {style: 'margin-bottom:18px'}, facts));
  if (c.feedback_text) parts.push(el('p', {class: 'small', id: 'feedback-level'}, el('strong', {}, 'Feedback: '), c.feedback_text));

  let privateRows = null;
  try {
    if (c.revealed) {
      const p = await api(base + '/leaderboard/private');
      if (p && Array.isArray(p.rows)) privateRows = p.rows;
    }
  } catch { /* hidden until the reveal */ }
  if (privateRows) {
    parts.push(el('section', {class: 'card'},
      el('h2', {}, 'Private leaderboard ', el('span', {class: 'badge private'}, 'revealed')),
      el('p', {class: 'muted small'}, 'Final picks ranked on the Private images.'),
      boardTable(privateRows, 'Private leaderboard', true)));
  }
  parts.push(el('section', {class: 'card'},
    el('div', {class: 'row'}, el('h2', {}, 'Public leaderboard'), el('span', {class: 'spacer'}),
      el('a', {class: 'btn small', href: base + '/leaderboard?format=csv', download: id + '-leaderboard.csv'}, 'Download CSV'),
      el('a', {class: 'btn small primary', href: `/competitions/${encodeURIComponent(id)}/team`}, 'Submit')),
    el('p', {class: 'muted small'}, 'Each team\u2019s best submission on the Public images, with the 95% bootstrap interval of its score.',
      privateRows ? '' : ' The private leaderboard stays hidden until the host reveals it.'),
    board.rows.length ? boardTable(board.rows, 'Public leaderboard', false)
      : el('p', {class: 'empty'}, 'No scored submissions yet. Be the first.')));
  show(content, parts);
}

function stat(label, value, sub) {
  return el('div', {class: 'stat'}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value),
    sub ? el('div', {class: 'sub'}, sub) : null);
}

await load();
// Keep the board current while the page is open (every 30 s, only when the tab is visible).
setInterval(() => { if (document.visibilityState === 'visible') load(); }, 30000);
