import { readWorkbook } from './shared/src/detect/index.ts';
const rows = [
 ['ĐẢNG BỘ HUYỆN SỐP CỘP', null, null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
 ['ĐẢNG ỦY XÃ NẬM LẠNH', null, null, null, null, '*'],
 ['Số 125-BC/ĐU', null, null, null, null, 'Nậm Lạnh, ngày 15 tháng 12 năm 2023'],
 [],
 ['BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2023'],
 ['STT', 'Tên chi bộ', 'Số đảng viên', null, null, 'Sinh hoạt chi bộ', null, 'Ghi chú'],
 [null, null, 'Tổng số', 'Chính thức', 'Dự bị', 'Thường kỳ', 'Chuyên đề'],
 ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
 ['I', 'Khối bản'],
 [1, 'Chi bộ bản Nà Vạc', 12, 10, 2, 12, 4],
 [2, 'Chi bộ bản Pá', '8', '7', '1', 'mười', 3],
 ['Cộng', null, 20, 17, 3],
 ['II', 'Khối cơ quan'],
 [3, 'Chi bộ trường học', 15, 15, 0, 12, 4],
 ['Tổng cộng', null, 35, 32, 3, 36, 11],
 [],
 [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY'],
];
const merges = [{top:5,left:0,bottom:6,right:0},{top:5,left:1,bottom:6,right:1},{top:5,left:2,bottom:5,right:4},{top:5,left:5,bottom:5,right:6},{top:5,left:7,bottom:6,right:7},{top:4,left:0,bottom:4,right:7}];
const d = readWorkbook({ name: 'x', sheets: [{ name: 'Chi bộ', rows: rows as any, merges }] });
console.log(JSON.stringify({...d, records: d.records.map(r=>({row:r.row, v:r.values, g:r.groups, ref:r.ref}))}, null, 1));
