// TEST DATA for the benchmarks, not a criteria set of any authority: a set of N indicators
// and a draft filled for it, made from the Lạng Sơn 2022–2025 set (57 indicators) and the
// Liên Sơn example entered honestly (tests/fixtures/lien-son-2024-h1.honest.draft.json).
//
// Every criterion keeps its share of the 57 indicators (at least one); indicator k of criterion
// c is a copy of the criterion's (k-1 mod m)-th original, coded "c.k", and its entry in the
// draft is the example's entry for that original (figures, judgement, note, acknowledgements),
// so the draft has the example's mix of statuses and findings, N/57 times over. The set's name
// and id say it is test data.
//
//   node tests/e2e/testdata.mjs 500 > /tmp/set-500.json            (the set file)
//   TESTDATA_SHAPE=one node tests/e2e/testdata.mjs 500               (criterion 17 takes the rest)
//   node tests/e2e/testdata.mjs 500 --envelope > /tmp/draft-500.json  (a stored draft)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => JSON.parse(readFileSync(path.join(ROOT, p), 'utf-8'));

/** How many indicators each criterion gets: its share of `n`, at least one, summing to n. */
function shares(counts, n) {
  const total = counts.reduce((a, b) => a + b, 0);
  const out = counts.map((m) => Math.max(1, Math.floor((m * n) / total)));
  // The remainder goes to the criteria with the most originals first.
  const order = counts.map((m, i) => [m, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
  let left = n - out.reduce((a, b) => a + b, 0);
  for (let j = 0; left !== 0; j = (j + 1) % order.length) {
    const i = order[j];
    if (left > 0) { out[i]++; left--; } else if (out[i] > 1) { out[i]--; left++; }
  }
  return out;
}

/** The test set of `n` indicators, with `origin`: new code → the original's code. `shape`
 * 'spread' (the default, or TESTDATA_SHAPE) gives each criterion its share; 'one' keeps the
 * other criteria as they are and puts the rest into criterion 17 (a province's merged
 * sub-indicators, or a mistaken paste). */
export function largeSet(n, shape = process.env.TESTDATA_SHAPE || 'spread') {
  const base = read('criteria/lang-son-xa-ntm-2022-2025.json');
  const counts = base.criteria.map((c) => c.indicators.length);
  const total = counts.reduce((a, b) => a + b, 0);
  const per = shape === 'one' && n >= total
    ? base.criteria.map((c) => (c.number === 17 ? c.indicators.length + n - total : c.indicators.length))
    : shares(counts, n);
  const origin = {};
  const criteria = base.criteria.map((c, ci) => ({
    ...c,
    indicators: Array.from({ length: per[ci] }, (_, j) => {
      const orig = c.indicators[j % c.indicators.length];
      const code = `${c.number}.${j + 1}`;
      origin[code] = orig.code;
      const copy = j < c.indicators.length ? '' : ` (bản thử ${Math.floor(j / c.indicators.length) + 1})`;
      return { ...orig, code, wording: orig.wording + copy, short: orig.short + copy };
    }),
  }));
  const set = {
    ...base,
    id: `thu-nghiem-${n}`,
    version: '1',
    name: `DỮ LIỆU THỬ: bộ ${n} chỉ tiêu (sinh từ bộ tiêu chí Lạng Sơn 2022–2025, chỉ để đo hiệu năng)`,
    criteria,
  };
  return { set, origin };
}

/** The test draft for `largeSet(n)`: the honest Liên Sơn entries, each copied to its copies. */
export function largeDraft(n) {
  const { set, origin } = largeSet(n);
  const honest = read('tests/fixtures/lien-son-2024-h1.honest.draft.json');
  const entries = {};
  for (const [code, from] of Object.entries(origin)) {
    if (honest.entries[from]) entries[code] = structuredClone(honest.entries[from]);
  }
  const draft = {
    ...honest,
    id: `thu-nghiem-${n}`,
    name: `DỮ LIỆU THỬ: ${n} chỉ tiêu`,
    set: { id: set.id, version: set.version },
    entries,
  };
  return { draft, set };
}

/** The draft as the app stores it (`core::store::Envelope`, schema 2). */
export function largeEnvelope(n) {
  const { draft, set } = largeDraft(n);
  return {
    app: 'tieuchi', schema: 2, app_version: '0.1.0', saved_at: '2024-06-26T09:30:00.000Z',
    commune: draft.meta.commune, period: '6 tháng đầu năm 2024', set_id: set.id, set_version: set.version,
    summary: '', draft, set,
  };
}

/** A set as the set page stores it (`core::set_store`, under `tieuchi.set.<id>@<version>`). */
export function storedSet(set) {
  return { app: 'tieuchi', kind: 'bo-tieu-chi', schema: 1, saved_at: '2024-06-26T09:30:00.000Z', set };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] || 500);
  const out = process.argv.includes('--envelope') ? largeEnvelope(n) : largeSet(n).set;
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}
