import { parseValue } from './shared/src/parse/index.ts';
const types: any[] = ['text','text','date','text','date','date','memberStatus','rating','bool','bool'];
const vals = (i:number): any[] => [String(i+1), `Nguyễn Văn ${i}`, `0${1+i%9}/0${1+i%9}/19${50+i%40}`, `Chi bộ bản ${i%300}`, 36000+i%5000, 37000+i%5000, i%10?'Chính thức':'Dự bị', ['HTXSNV','HTTNV','HTNV'][i%3], 'x', null];
for (let t=0;t<types.length;t++){ const t0=performance.now(); for (let i=0;i<100000;i++) parseValue(vals(i)[t], types[t]); console.log(types[t], t, Math.round(performance.now()-t0)); }
