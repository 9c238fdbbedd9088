/** Literal grids and write plans for the add-in's host tests: a messy commune workbook. */
import type { WorkbookGrid, WritePlan } from '@kiemtra/shared';
import { NOTE_PREFIX, RESULT_SHEETS } from '@kiemtra/shared';

/** A party-cell sheet as officials lay it out: header block, title, two-row merged header, column numbers, group and total rows, signature. */
export function messyGrid(): WorkbookGrid {
  return {
    name: 'Nam Lanh 2023.xlsx',
    sheets: [
      {
        name: 'Chi bộ',
        origin: { row: 0, col: 0 },
        rows: [
          ['ĐẢNG BỘ HUYỆN SỐP CỘP', null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
          ['ĐẢNG ỦY XÃ NẬM LẠNH'],
          [],
          ['BIỂU TỔNG HỢP CHI BỘ NĂM 2023'],
          ['STT', 'Tên chi bộ', 'Số đảng viên', null, null, 'Số kỳ sinh hoạt'],
          [null, null, 'Tổng số', 'Chính thức', 'Dự bị', null],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
          ['I. Chi bộ thôn bản'],
          [1, 'Chi bộ bản Nà Mò', '12', 10, 2, 12],
          [2, 'Chi bộ bản Pò Cại', '1.922', { error: '#REF!' }, 1, 6],
          [3, 'Chi bộ bản Huổi Pao', 4, 4, 0, '  '],
          ['Tổng cộng', null, 1938, 14, 3, 18],
          [],
          [null, null, null, null, 'T/M ĐẢNG ỦY'],
        ],
        merges: [
          { top: 4, left: 0, bottom: 5, right: 0 },
          { top: 4, left: 1, bottom: 5, right: 1 },
          { top: 4, left: 2, bottom: 4, right: 4 },
          { top: 4, left: 5, bottom: 5, right: 5 },
        ],
        numberFormats: [],
      },
      {
        name: 'Thôn bản',
        origin: { row: 2, col: 1 },
        rows: [
          ['Tên thôn', 'Dân số', 'Ngày thành lập'],
          ['Bản Nà Mò', 312, 44927],
          ['Bản Pò Cại', '1.020', '01/02/2023'],
        ],
        numberFormats: [
          [null, null, null],
          [null, '#,##0', 'dd/mm/yyyy'],
          [null, null, null],
        ],
      },
      { name: 'Trống', rows: [] },
    ],
  };
}

export function messyPlan(): WritePlan {
  return {
    version: 2,
    resultColumns: [
      {
        sheet: 'Chi bộ',
        tableId: 'Chi bộ#0',
        firstCol: 6,
        headerTop: 4,
        headerBottom: 5,
        headers: ['[KT] Kết quả', '[KT] Ghi chú'],
        widths: [12, 40],
        rows: [
          { row: 9, values: ['Lỗi', 'Sinh hoạt 6 kỳ / 12 kỳ yêu cầu'], status: 'error' },
          { row: 10, values: ['Cảnh báo', 'Chi bộ dưới 5 đảng viên'], status: 'warning' },
        ],
        dataRows: [8, 9, 10],
        clean: ['Đạt', null],
        lastRow: 11,
      },
    ],
    highlights: [
      {
        sheet: 'Chi bộ',
        cell: 'F10',
        severity: 'error',
        note: `${NOTE_PREFIX} 6 kỳ sinh hoạt / 12 kỳ yêu cầu`,
      },
      { sheet: 'Chi bộ', cell: 'C11', severity: 'warning', note: `${NOTE_PREFIX} 4 đảng viên, dưới 5` },
    ],
    sheets: [
      {
        name: RESULT_SHEETS.issues,
        role: 'issues',
        title: 'KẾT QUẢ KIỂM TRA — Đảng ủy xã Nậm Lạnh',
        columns: [
          { header: 'Mức độ', width: 10 },
          { header: 'Trang tính', width: 14 },
          { header: 'Ô', width: 8 },
          { header: 'Nội dung', width: 60 },
          { header: 'Tỷ lệ', width: 8, kind: 'percent' },
        ],
        rows: [
          ['Lỗi', 'Chi bộ', 'F10', '6 kỳ sinh hoạt / 12 kỳ yêu cầu', 0.5],
          ['Cảnh báo', 'Chi bộ', 'C11', '=4 đảng viên', null],
        ],
        rowStatus: ['error', 'warning'],
        links: [
          { row: 2, col: 2, sheet: 'Chi bộ', cell: 'F10' },
          { row: 3, col: 2, sheet: 'Chi bộ', cell: 'C11' },
        ],
      },
    ],
  };
}

/** n rows × width columns of a member-like table, for chunking. */
export function bigGrid(rows: number, width = 12): WorkbookGrid {
  const header = Array.from({ length: width }, (_, c) => `Cột ${c + 1}`);
  const data = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: width }, (_, c) =>
      c === 1 ? `Đảng viên ${r}` : c === 3 ? `${(r % 28) + 1}/0${(r % 9) + 1}/1980` : r * width + c,
    ),
  );
  return { name: 'big.xlsx', sheets: [{ name: 'Đảng viên', rows: [header, ...data] }] };
}
