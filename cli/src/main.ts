/** `kiemtra`: the command line. Parses arguments and hands over to a command. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bi, type Bilingual, type Lang } from '@kiemtra/shared';
import { EXIT } from './commands/common.ts';
import { makeUi, type Ui } from './ui.ts';

const COMMON_OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  'max-rows': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean', default: false },
  previous: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

const AGGREGATE_OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string', short: 'o' },
  units: { type: 'string' },
  previous: { type: 'string', multiple: true },
  parent: { type: 'string' },
  level: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const HELP: Record<'main' | 'check' | 'aggregate', Bilingual> = {
  main: bi(
    `kiemtra — kiểm tra biểu mẫu công tác xây dựng tổ chức cơ sở đảng (.xlsx)

Cách dùng:
  kiemtra check <tệp.xlsx | thư mục>… [tùy chọn]     kiểm tra và ghi kết quả vào bản sao
  kiemtra aggregate <thư mục>… --out tong-hop.xlsx   tổng hợp nhiều đơn vị

Xem thêm: kiemtra check --help, kiemtra aggregate --help
Tùy chọn chung: --lang en (tiếng Anh), --json, --verbose, --help`,
    `kiemtra — checks grassroots party-organization workbooks (.xlsx)

Usage:
  kiemtra check <file.xlsx | folder>… [options]      check and write the results into a copy
  kiemtra aggregate <folder>… --out tong-hop.xlsx    roll up many units

See also: kiemtra check --help, kiemtra aggregate --help
Common options: --lang en (English), --json, --verbose, --help`,
  ),
  check: bi(
    `kiemtra check <tệp.xlsx | thư mục>… [tùy chọn]

Đọc từng sổ làm việc, nhận dạng các bảng, kiểm tra theo bộ quy tắc, tính xếp loại và chỉ tiêu,
rồi ghi kết quả (cột kết quả, tô màu, ghi chú, trang "Kết quả kiểm tra", "Kết quả chỉ tiêu")
vào <tên>.kiemtra.xlsx bên cạnh tệp gốc. Tệp gốc không bị thay đổi.

Tùy chọn:
  -o, --out THƯ_MỤC      ghi kết quả vào thư mục này
      --in-place         ghi đè lên chính tệp (giữ bản .bak); từ chối nếu tệp có biểu đồ,
                         pivot, hình ảnh… mà thư viện .xlsx không giữ được
      --previous ĐƯỜNG   tệp hoặc thư mục của kỳ trước, để so sánh và xem xu hướng
      --json             in toàn bộ kết quả dạng JSON (xem docs/report-schema.md)
  -v, --verbose          in tiêu đề cột nào thành trường nào, và mọi vấn đề
      --lang en          in bằng tiếng Anh
      --max-rows N       từ chối trang có hơn N dòng (mặc định 300000)
  -h, --help             trợ giúp này

Mã thoát: 0 không có lỗi · 1 có lỗi trong biểu mẫu · 2 sai cách dùng hoặc tệp không đọc được`,
    `kiemtra check <file.xlsx | folder>… [options]

Reads each workbook, recognizes its tables, checks them against the rulebook, computes ratings
and targets, and writes the results (result columns, fills, notes, the "Kết quả kiểm tra" and
"Kết quả chỉ tiêu" sheets) into <name>.kiemtra.xlsx beside the input. The input is not changed.

Options:
  -o, --out DIR          write the results into this folder
      --in-place         overwrite the file itself (keeps a .bak); refused when the file holds
                         charts, pivot tables, images… that the .xlsx library cannot keep
      --previous PATH    last period's file or folder, for comparisons and trends
      --json             print the full results as JSON (see docs/report-schema.md)
  -v, --verbose          show which header became which field, and every issue
      --lang en          print in English
      --max-rows N       refuse sheets with more than N rows (default 300000)
  -h, --help             this help

Exit codes: 0 no errors · 1 the workbooks have errors · 2 bad usage or unreadable input`,
  ),
  aggregate: bi(
    `kiemtra aggregate <thư mục>… --out tong-hop.xlsx [tùy chọn]

Kiểm tra mọi sổ làm việc trong thư mục, cộng dồn số liệu của các đơn vị lên cấp trên, đánh giá
chỉ tiêu ở cấp trên, xếp hạng các đơn vị yếu nhất và ghi một sổ tổng hợp.

Tùy chọn:
  -o, --out TỆP          sổ tổng hợp cần ghi (mặc định tong-hop.xlsx)
      --units TỆP        danh sách đơn vị phải báo cáo (.xlsx), để biết đơn vị nào còn thiếu
      --previous ĐƯỜNG   tệp hoặc thư mục của kỳ trước, để xem xu hướng
      --parent TÊN       tên đơn vị cấp trên (mặc định: tên thư mục)
      --level CẤP        cấp của đơn vị cấp trên (ví dụ district, province)
      --json, -v/--verbose, --lang en, --max-rows N, -h/--help như lệnh check

Mã thoát: 0 không có lỗi · 1 có lỗi trong biểu mẫu · 2 sai cách dùng hoặc tệp không đọc được`,
    `kiemtra aggregate <folder>… --out tong-hop.xlsx [options]

Checks every workbook in the folder, adds the units' figures up to their parent, evaluates the
targets at the parent's level, ranks the weakest units and writes a roll-up workbook.

Options:
  -o, --out FILE         the roll-up workbook to write (default tong-hop.xlsx)
      --units FILE       the list of units expected to report (.xlsx), to see who is missing
      --previous PATH    last period's file or folder, for trends
      --parent NAME      the parent unit's name (default: the folder's name)
      --level LEVEL      the parent unit's level (e.g. district, province)
      --json, -v/--verbose, --lang en, --max-rows N, -h/--help as for check

Exit codes: 0 no errors · 1 the workbooks have errors · 2 bad usage or unreadable input`,
  ),
};

class UsageError extends Error {}

function langOf(args: string[]): Lang {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const value = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

function parse<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function maxRowsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-rows: ${value}`);
  return n;
}

function checkLang(value: string | undefined): void {
  if (value !== undefined && value !== 'vi' && value !== 'en')
    throw new UsageError(`--lang: ${value} (vi | en)`);
}

export async function main(argv: string[], ui: Ui = makeUi(langOf(argv))): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      ui.out(ui.t(HELP.main));
      return command === undefined ? EXIT.badInput : EXIT.ok;
    }
    if (command === '--lang' || command.startsWith('--lang=')) {
      return main(command.includes('=') ? rest : rest.slice(1), ui);
    }
    if (command === 'check') {
      const { values, positionals } = parse(rest, CHECK_OPTIONS);
      checkLang(values.lang);
      if (values.help) {
        ui.out(ui.t(HELP.check));
        return EXIT.ok;
      }
      if (positionals.length === 0)
        throw new UsageError(ui.t(bi('thiếu tệp hoặc thư mục', 'missing file or folder')));
      if (values['in-place'] && values.out) {
        throw new UsageError(
          ui.t(bi('không dùng --in-place cùng --out', '--in-place cannot be used with --out')),
        );
      }
      const maxRows = maxRowsOf(values['max-rows']);
      // Each command loads its own modules: `check` never loads ExcelJS for a first check.
      const { runCheck } = await import('./commands/check.ts');
      return await runCheck(ui, positionals, {
        json: values.json,
        verbose: values.verbose,
        inPlace: values['in-place'],
        previous: values.previous ?? [],
        ...(values.out ? { out: values.out } : {}),
        ...(maxRows ? { maxRows } : {}),
      });
    }
    if (command === 'aggregate') {
      const { values, positionals } = parse(rest, AGGREGATE_OPTIONS);
      checkLang(values.lang);
      if (values.help) {
        ui.out(ui.t(HELP.aggregate));
        return EXIT.ok;
      }
      if (positionals.length === 0) throw new UsageError(ui.t(bi('thiếu thư mục', 'missing folder')));
      const maxRows = maxRowsOf(values['max-rows']);
      const { runAggregate } = await import('./commands/aggregate.ts');
      return await runAggregate(ui, positionals, {
        json: values.json,
        verbose: values.verbose,
        out: values.out ?? 'tong-hop.xlsx',
        previous: values.previous ?? [],
        ...(values.units ? { units: values.units } : {}),
        ...(values.parent ? { parent: values.parent } : {}),
        ...(values.level ? { level: values.level } : {}),
        ...(maxRows ? { maxRows } : {}),
      });
    }
    throw new UsageError(ui.t(bi(`lệnh không có: ${command}`, `unknown command: ${command}`)));
  } catch (err) {
    if (err instanceof UsageError) {
      ui.err(`kiemtra: ${err.message}`);
      ui.err(ui.t(bi('Xem: kiemtra --help', 'See: kiemtra --help')));
      return EXIT.badInput;
    }
    throw err;
  }
}
