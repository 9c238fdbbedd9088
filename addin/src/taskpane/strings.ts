/** Every text of the pane, Vietnamese first. */
import type { Bilingual, Lang } from '@kiemtra/shared';
import { bi } from '@kiemtra/shared';

export const S = {
  appTitle: bi('Kiểm tra TCCSĐ', 'Party organization check'),
  tabs: {
    check: bi('Kiểm tra', 'Check'),
    issues: bi('Vấn đề', 'Issues'),
    submit: bi('Gửi', 'Submit'),
    rollup: bi('Tổng hợp', 'Roll-up'),
  },
  tabsLabel: bi('Chức năng', 'Functions'),
  check: {
    run: bi('Kiểm tra', 'Check'),
    runHint: bi(
      'Đọc các bảng trong sổ tính, kiểm tra theo bộ quy tắc và ghi kết quả vào bên phải mỗi bảng. Không sửa ô nào anh/chị đã nhập.',
      'Reads the tables in this workbook, checks them against the rulebook and writes results to the right of each table. No cell you typed is changed.',
    ),
    cancel: bi('Hủy', 'Cancel'),
    cancelled: bi('Đã hủy. Chạy lại để có kết quả đầy đủ.', 'Cancelled. Run again for complete results.'),
    progress: bi('Tiến độ', 'Progress'),
    stages: {
      reading: bi('Đang đọc bảng tính', 'Reading the workbook'),
      detecting: bi('Đang nhận dạng bảng', 'Finding the tables'),
      checking: bi('Đang kiểm tra theo quy tắc', 'Checking the rules'),
      writing: bi('Đang ghi kết quả', 'Writing the results'),
      done: bi('Đã xong', 'Done'),
    },
    rowsRead: bi('{done}/{total} dòng', '{done}/{total} rows'),
    engineServer: bi('Kiểm tra trên máy chủ', 'Checked on the server'),
    engineLocal: bi('Kiểm tra ngay trong add-in', 'Checked inside the add-in'),
    reasons: {
      offline: bi('không có mạng', 'no network'),
      signedOut: bi('chưa đăng nhập', 'not signed in'),
      unreachable: bi('không kết nối được máy chủ', 'server unreachable'),
      serverVersion: bi('máy chủ trả kết quả theo phiên bản khác', 'the server answered in another version'),
    },
    rulebook: bi('Bộ quy tắc', 'Rulebook'),
    totals: bi(
      '{error} lỗi · {warning} cảnh báo · {info} lưu ý · {justified} đã giải trình',
      '{error} errors · {warning} warnings · {info} notes · {justified} justified',
    ),
    tables: bi('Đã nhận dạng {n} bảng', '{n} tables recognized'),
    noIssues: bi('Không phát hiện vấn đề nào.', 'No issues found.'),
    passed: bi('Đạt {n} nội dung kiểm tra', '{n} checks passed'),
    reduced: bi(
      'Phiên bản Excel này cũ: không ghi chú vào ô, không đọc ô gộp, ghi chậm hơn. Nên cập nhật Excel.',
      'This Excel is older: no notes on cells, merged cells not read, slower writing. Updating Excel is recommended.',
    ),
    failed: bi('Không kiểm tra được', 'The check failed'),
  },
  issues: {
    none: bi('Chưa có kết quả. Bấm "Kiểm tra" trước.', 'No results yet. Press "Check" first.'),
    next: bi('Vấn đề tiếp theo', 'Next issue'),
    severity: { error: bi('Lỗi', 'Errors'), warning: bi('Cảnh báo', 'Warnings'), info: bi('Lưu ý', 'Notes') },
    justified: bi('Đã giải trình', 'Justified'),
    justify: bi('Giải trình', 'Justify'),
    justifyLabel: bi('Giải trình cho {cell}', 'Justification for {cell}'),
    save: bi('Lưu giải trình', 'Save justification'),
    saved: bi(
      'Đã lưu vào trang "Giải trình". Lần kiểm tra sau sẽ tính là đã giải trình.',
      'Saved in the "Giải trình" sheet. The next check counts it as justified.',
    ),
    goTo: bi('Đến ô {cell}', 'Go to cell {cell}'),
    list: bi('Danh sách vấn đề', 'List of issues'),
  },
  submit: {
    signInTitle: bi('Đăng nhập để gửi báo cáo', 'Sign in to submit'),
    email: bi('Thư điện tử', 'Email'),
    password: bi('Mật khẩu', 'Password'),
    signIn: bi('Đăng nhập', 'Sign in'),
    signOut: bi('Đăng xuất', 'Sign out'),
    signedInAs: bi('Đã đăng nhập: {email}', 'Signed in: {email}'),
    unit: bi('Đơn vị: {unit}', 'Unit: {unit}'),
    unitCode: bi('Mã đơn vị báo cáo', 'Reporting unit code'),
    unitCodeHint: bi('Mặc định là đơn vị của tài khoản', 'Defaults to the account’s unit'),
    send: bi('Gửi báo cáo', 'Submit report'),
    needCheck: bi('Bấm "Kiểm tra" trước khi gửi.', 'Press "Check" before submitting.'),
    needUnit: bi('Tài khoản chưa được gán đơn vị.', 'This account has no unit assigned.'),
    needPeriod: bi(
      'Không xác định được kỳ báo cáo từ tiêu đề biểu.',
      'The report period could not be read from the title.',
    ),
    sent: bi('Đã gửi: phiên bản {seq} ({period}).', 'Submitted: version {seq} ({period}).'),
    unchanged: bi(
      'Nội dung không đổi so với lần gửi trước; không tạo phiên bản mới.',
      'Same content as last time; no new version.',
    ),
    pending: bi(
      'Chưa gửi được (mất kết nối). Báo cáo được lưu trong sổ tính và sẽ tự gửi lại khi có mạng.',
      'Not sent (no connection). The report is kept in the workbook and will be sent again when online.',
    ),
    waiting: bi(
      '{n} báo cáo đang chờ gửi lại (lưu trong sổ tính)',
      '{n} report(s) waiting to be resent (kept in the workbook)',
    ),
    retry: bi('Gửi lại ngay', 'Resend now'),
    refused: bi('Máy chủ không nhận', 'Refused by the server'),
    signInFailed: bi('Đăng nhập không thành công', 'Sign-in failed'),
  },
  rollup: {
    period: bi('Kỳ báo cáo', 'Period'),
    periodHint: bi('Ví dụ: 2024, 2024-Q1, 2020-2025', 'e.g. 2024, 2024-Q1, 2020-2025'),
    pull: bi('Lấy tổng hợp', 'Get roll-up'),
    written: bi(
      'Đã ghi trang "Kết quả tổng hợp": {submitted}/{expected} đơn vị đã nộp.',
      'Wrote the "Kết quả tổng hợp" sheet: {submitted}/{expected} units submitted.',
    ),
    needSignIn: bi(
      'Đăng nhập (thẻ "Gửi") để lấy số liệu tổng hợp.',
      'Sign in (the "Submit" tab) to get the roll-up.',
    ),
    failed: bi('Không lấy được tổng hợp', 'Could not get the roll-up'),
  },
};

export function t(text: Bilingual, lang: Lang, vars: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Vietnamese unless Office says English. */
export function languageOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
