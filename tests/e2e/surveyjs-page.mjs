// The side-by-side benchmark's other page: the same indicators as a SurveyJS form (a general
// form library), one panel per criterion, per indicator the same inputs the editor shows (the
// figures its kind needs, the judgement, the note), filled from the same saved draft, read from
// localStorage as the editor reads its own. Written into a folder at bench time with SurveyJS's
// files from .tools/surveyjs (installed there by scripts/bench.sh; nothing of SurveyJS is part
// of the app, its build or this repository).
import { copyFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

export const SURVEYJS_VERSION = '2.5.38';
const MODULES = path.join(ROOT, '.tools/surveyjs/node_modules');
export const DRAFT_KEY = 'surveyjs-bench-draft';

/** The survey's JSON for a set, and its data for a draft (`core::draft` entries by code). */
export function survey(set, draft) {
  const judgement = (code, numeric) => ({
    type: 'dropdown', name: `${code}-judgement`, title: `Chỉ tiêu ${code}: đánh giá`,
    choices: numeric
      ? [{ value: 'none', text: 'Theo số liệu' }, { value: 'met', text: 'Tự đánh giá: Đạt' }, { value: 'not_met', text: 'Tự đánh giá: Chưa đạt' }]
      : [{ value: 'none', text: 'Chưa đánh giá' }, { value: 'met', text: 'Đạt' }, { value: 'not_met', text: 'Chưa đạt' }],
  });
  const text = (name, title) => ({ type: 'text', name, title });
  const elements = (i) => {
    const k = i.kind;
    const figures = k.type === 'percent'
      ? [text(`${i.code}-num`, `Chỉ tiêu ${i.code}: ${k.numerator} (${k.unit})`), text(`${i.code}-den`, `Chỉ tiêu ${i.code}: ${k.denominator} (${k.unit})`), text(`${i.code}-val`, `Chỉ tiêu ${i.code}: hoặc tỷ lệ (%) nếu không có số đếm`)]
      : k.type === 'yes_no' ? [] : [text(`${i.code}-val`, `Chỉ tiêu ${i.code}: ${i.short}`)];
    const numeric = k.type !== 'yes_no';
    return [
      { type: 'html', name: `${i.code}-wording`, html: `<h4>${i.code} ${i.wording}</h4>` },
      ...figures,
      judgement(i.code, numeric),
      ...(numeric ? [text(`${i.code}-year`, `Chỉ tiêu ${i.code}: năm của số liệu`)] : []),
      { type: 'comment', name: `${i.code}-note`, title: `Chỉ tiêu ${i.code}: nhận xét, căn cứ (đưa vào báo cáo)`, rows: 2 },
    ];
  };
  const json = {
    title: 'Tự đánh giá xã nông thôn mới',
    showQuestionNumbers: 'off',
    pages: [{
      name: 'assess',
      elements: set.criteria.map((c) => ({
        type: 'panel', name: `crit-${c.number}`, title: `Tiêu chí ${c.number}. ${c.name}`,
        state: 'expanded',
        elements: c.indicators.flatMap(elements),
      })),
    }],
  };
  const data = {};
  for (const [code, e] of Object.entries(draft.entries)) {
    if (e.numerator) data[`${code}-num`] = e.numerator;
    if (e.denominator) data[`${code}-den`] = e.denominator;
    if (e.value) data[`${code}-val`] = e.value;
    if (e.data_year) data[`${code}-year`] = e.data_year;
    data[`${code}-judgement`] = e.judgement === 'not_applicable' ? 'none' : e.judgement || 'none';
    if (e.note) data[`${code}-note`] = e.note;
  }
  return { json, data };
}

/** Writes the page into `dir`: index.html, the survey (form.js) and SurveyJS's files. */
export function writeSurveyPage(dir, set, draft) {
  if (!existsSync(path.join(MODULES, 'survey-js-ui'))) {
    throw new Error(`SurveyJS is not installed in ${MODULES}: scripts/bench.sh installs survey-core and survey-js-ui ${SURVEYJS_VERSION}`);
  }
  mkdirSync(dir, { recursive: true });
  const files = ['survey-core/survey.core.min.js', 'survey-js-ui/survey-js-ui.min.js', 'survey-core/survey-core.fontless.min.css'];
  for (const f of files) copyFileSync(path.join(MODULES, f), path.join(dir, path.basename(f)));
  const { json } = survey(set, draft);
  writeFileSync(path.join(dir, 'form.js'), `
const survey = new Survey.Model(${JSON.stringify(json)});
const saved = localStorage.getItem(${JSON.stringify(DRAFT_KEY)});
if (saved) survey.data = JSON.parse(saved);
survey.onValueChanged.add((s) => localStorage.setItem(${JSON.stringify(DRAFT_KEY)}, JSON.stringify(s.data)));
survey.render(document.getElementById('form'));
`);
  writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tự đánh giá xã nông thôn mới (SurveyJS)</title>
<link rel="stylesheet" href="survey-core.fontless.min.css">
<script src="survey.core.min.js" defer></script><script src="survey-js-ui.min.js" defer></script><script src="form.js" defer></script>
</head><body><div id="form"></div></body></html>
`);
}
