// TEST DATA for tests/e2e/rollup.test.mjs: a made-up province of 61 communes using the made-up
// set tests/fixtures/tong-hop-thu-nghiem.set.json (10 criteria, one indicator each, thresholds
// by "Nhóm xã" invented for the test). Each commune's group and figures come from a fixed
// pseudo-random plan; 58 of them send a file (3 do not), one under a misspelt name, some
// with the old tone placement or in capitals with "xã" in front. The expected figures are
// counted here from the plan, independently of the app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const set = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/tong-hop-thu-nghiem.set.json'), 'utf-8'));
const template = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/envelope-v3.json'), 'utf-8'));

/** 61 commune names (invented combinations). */
function names() {
  const first = ['An', 'Bình', 'Đồng', 'Hòa', 'Hưng', 'Quang', 'Tân'];
  const second = ['Lợi', 'Thành', 'Tâm', 'Bình', 'Hưng', 'Sơn', 'Lộc', 'Phúc', 'Thịnh', 'Hải'];
  const out = [];
  for (const f of first) for (const s of second) if (f !== s && out.length < 61) out.push(`${f} ${s}`);
  return out;
}

const MISSING = ['An Phúc', 'Hưng Sơn', 'Quang Thịnh'];
/** How some communes write their own name in their file. */
const WRITTEN = { 'Đồng Tâm': 'Đông Tâm', 'Hòa Bình': 'Hoà Bình', 'Quang Sơn': '  XÃ QUANG   SƠN ', 'Tân Lợi': 'tân lợi' };
const GROUPS = ['Xã nhóm 1', 'Xã nhóm 2', 'Xã nhóm 3'];

/** The threshold of criterion n's indicator for group g (0-based), from the set file. */
function threshold(n, g) {
  const ind = set.criteria[n - 1].indicators[0];
  return Number(ind.thresholds.find((t) => t.column === `nhom-${g + 1}`).value);
}

function plan(count) {
  let s = 20261201;
  const next = (m) => { s = (s * 1103515245 + 12345) % 2147483648; return Math.floor(s / 65536) % m; };
  return Array.from({ length: count }, (_, i) => ({
    group: i % 11 === 5 ? null : i % 3,
    figures: Array.from({ length: 10 }, (_, k) => (k === 9 ? 50 + next(40) : 72 + next(29))),
    yes: next(8) > 0,
  }));
}

function meets(p, n) {
  if (n === 9) return p.yes;
  if (p.group === null) return false;
  return p.figures[n - 1] >= threshold(n, p.group);
}

/** Vietnamese decimals, rounded down: "20,68" (two places; `trim`: trailing zeros dropped). */
function down2(num, den, trim) {
  const q = Math.floor((num * 100) / den);
  let s = `${Math.floor(q / 100)},${String(q % 100).padStart(2, '0')}`;
  if (trim) s = s.replace(/0+$/, '').replace(/,$/, '');
  return s;
}

function figures(plans) {
  const met = plans.map((p) => [...Array(10).keys()].filter((k) => meets(p, k + 1)).length);
  const allMet = met.filter((m) => m === 10).length;
  const sum = met.reduce((a, b) => a + b, 0);
  return {
    communes: plans.length,
    allMet,
    allMetShare: `${down2(allMet * 100, plans.length, true)}%`,
    average: down2(sum, plans.length, false),
  };
}

function envelope(i, name, p) {
  const env = structuredClone(template);
  const d = env.draft;
  d.id = `xa-thu-${i}`;
  d.set = { id: set.id, version: set.version };
  Object.assign(d.meta, {
    commune: name, province: 'Tỉnh Thử Nghiệm', column: p.group === null ? '' : `nhom-${p.group + 1}`,
    rule_column: false, period: 'first_half', period_label: '', year: 2026, date: { year: 2026, month: 6, day: 20 },
    parent_body: '', place: name,
  });
  d.entries = {};
  for (let n = 1; n <= 10; n++) {
    const code = set.criteria[n - 1].indicators[0].code;
    d.entries[code] = n === 9
      ? { judgement: p.yes ? 'met' : 'not_met', numerator: '', denominator: '', value: '', data_year: '', note: 'Dữ liệu thử.' }
      : { judgement: 'none', numerator: '', denominator: '', value: String(p.figures[n - 1]), data_year: '', note: '' };
  }
  d.criterion_notes = {};
  d.user_thresholds = {};
  Object.assign(env, {
    saved_at: `2026-06-2${i % 10}T08:00:00.000Z`, commune: name, period: '6 tháng đầu năm 2026',
    set_id: set.id, set_version: set.version, summary: '', set,
  });
  return JSON.stringify(env, null, 2);
}

export function province() {
  const list = names();
  const plans = plan(list.length);
  const files = [];
  const sent = [];
  list.forEach((listed, i) => {
    if (MISSING.includes(listed)) return;
    files.push({ name: `xa-${String(i + 1).padStart(2, '0')}.json`, text: envelope(i, WRITTEN[listed] ?? listed, plans[i]) });
    sent.push(plans[i]);
  });
  const misspeltAt = list.indexOf('Đồng Tâm');
  const rows = [['Toàn bộ', sent]];
  GROUPS.forEach((g, k) => rows.push([g, sent.filter((p) => p.group === k)]));
  const none = sent.filter((p) => p.group === null);
  if (none.length) rows.push(['Chưa chọn Nhóm xã', none]);
  const all = figures(sent);
  return {
    list,
    files,
    missing: MISSING,
    misspelt: { listed: 'Đồng Tâm', written: 'Đông Tâm', file: `xa-${String(misspeltAt + 1).padStart(2, '0')}.json` },
    expected: {
      all,
      rows: rows.filter(([, ps]) => ps.length).map(([name, ps]) => {
        const f = figures(ps);
        return [name, String(f.communes), `${f.allMet} (${f.allMetShare})`, f.average];
      }),
      counts: Object.fromEntries(GROUPS.map((g, k) => [g, sent.filter((p) => p.group === k).length])),
      perCriterion: [...Array(10).keys()].map((k) => sent.filter((p) => meets(p, k + 1)).length),
    },
  };
}
