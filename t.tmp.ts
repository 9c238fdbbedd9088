import { readWorkbook, evaluate, planWrites, applyPlanToGrid } from './shared/src/index.ts';
import { provinceWorkbook } from './shared/src/samples/index.ts';
const g = provinceWorkbook();
for (let k = 0; k < 2; k++) {
let t = performance.now();
const d = readWorkbook(g); const t1 = performance.now();
const e = evaluate(d); const t2 = performance.now();
const p = planWrites(d, e); const t3 = performance.now();
const a = applyPlanToGrid(g, p); const t4 = performance.now();
console.log('read', Math.round(t1-t), 'evaluate', Math.round(t2-t1), 'plan', Math.round(t3-t2), 'apply', Math.round(t4-t3));
}
