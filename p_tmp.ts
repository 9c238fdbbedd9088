import { readWorkbook } from './shared/src/detect/index.ts';
const header = ['STT','Họ và tên','Ngày sinh','Giới tính','Dân tộc','Chi bộ','Ngày vào Đảng','Ngày chính thức','CT/DB','Xếp loại','Được phân công nhiệm vụ','Kỷ luật'];
const rows: any[][] = [['DANH SÁCH ĐẢNG VIÊN NĂM 2023'], header];
for (let i = 0; i < 100000; i++) rows.push([i+1, `Nguyễn Văn ${i}`, `0${1+i%9}/0${1+i%9}/19${50+i%40}`, i%2?'Nam':'Nữ', 'Thái', `Chi bộ bản ${i%300}`, 36000+i%5000, 37000+i%5000, i%10?'Chính thức':'Dự bị', ['HTXSNV','HTTNV','HTNV'][i%3], 'x', null]);
const grid = { name: 'big', sheets: [{ name: 'Đảng viên', rows }] };
for (let k=0;k<3;k++){ const t0 = performance.now(); const d = readWorkbook(grid); console.log('ms', Math.round(performance.now()-t0), d.records.length, d.issues.length, d.tables[0]?.kind, d.tables[0]?.columns.map(c=>c.field).join(','));}
