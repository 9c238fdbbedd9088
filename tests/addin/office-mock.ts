/**
 * `Excel` and `Office` built from office-addin-mock's OfficeMockObject over a WorkbookModel,
 * for unit tests of the Office.js host. office-addin-mock answers `load` + `sync` the way
 * Office.js does; on top of it, every property the host reads throws when it was not loaded
 * and synced (instead of returning office-addin-mock's error string), and every write or
 * method call is recorded in call order and applied to the model at `context.sync()`.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { ModelSheet, Rect, WorkbookModel } from '../../addin/src/testing/workbook-model.ts';
import {
  STANDARD_HEIGHT,
  STANDARD_WIDTH,
  cellKey,
  parseRect,
  rectA1,
} from '../../addin/src/testing/workbook-model.ts';

const NOT_LOADED = 'Error, property was not loaded';
const NOT_SYNCED = 'Error, context.sync() was not called';

export interface MockExcel {
  Excel: { run: <T>(cb: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> };
  Office: unknown;
  syncs: number;
  /** Every write and call, in order: "values Chi bộ!G5:H5", "delete Kết quả kiểm tra", … */
  log: string[];
}

type Op = () => void;

/** True while office-addin-mock itself settles loaded values (inside context.sync). */
let settling = false;

// office-addin-mock reads and assigns the properties it loads: that is not the host reading.
const protoLoad = OfficeMockObject.prototype.load;
OfficeMockObject.prototype.load = function (this: OfficeMockObject, ...args: Parameters<typeof protoLoad>) {
  const was = settling;
  settling = true;
  try {
    return protoLoad.apply(this, args);
  } finally {
    settling = was;
  }
};

/** Makes `prop` of a mock throw on reads of unloaded values and report writes. */
function instrument(mock: Record<string, unknown>, prop: string, onWrite: (v: unknown) => void): void {
  let stored = mock[prop];
  Object.defineProperty(mock, prop, {
    configurable: true,
    get() {
      if (!settling && (stored === NOT_LOADED || stored === NOT_SYNCED))
        throw new Error(`PropertyNotLoaded: ${prop} (${String(stored)})`);
      return stored;
    },
    set(v: unknown) {
      // office-addin-mock itself assigns its error markers and the loaded value.
      if (v === NOT_LOADED || v === NOT_SYNCED || settling) stored = v;
      else onWrite(v);
    },
  });
}

export function createMockExcel(
  model: WorkbookModel,
  opts: { apiMinor?: number; displayLanguage?: string } = {},
): MockExcel {
  const apiMinor = opts.apiMinor ?? 18;
  const out: MockExcel = {
    Excel: { run: async () => undefined as never },
    Office: undefined,
    syncs: 0,
    log: [],
  };
  let pending: Op[] = [];
  let created: OfficeMockObject[] = [];
  const queue = (label: string, op: Op) => {
    pending.push(() => {
      op();
      out.log.push(label);
    });
  };
  const track = <T extends OfficeMockObject>(m: T): T => {
    created.push(m);
    return m;
  };
  const sheetOf = (name: string): ModelSheet => {
    const s = model.sheet(name);
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return s;
  };

  function rangeMock(sheetName: string, rect: Rect | null): OfficeMockObject {
    const s = model.sheet(sheetName);
    const r = rect ?? { top: 0, left: 0, rows: 1, cols: 1 };
    const matrix = <V>(f: (row: number, col: number) => V) =>
      Array.from({ length: r.rows }, (_, i) =>
        Array.from({ length: r.cols }, (_, j) => f(r.top + i, r.left + j)),
      );
    const heavy = r.rows * r.cols <= 2_000_000;
    const m = track(
      new OfficeMockObject(
        {
          values: heavy && s ? matrix((row, col) => s.get(row, col)) : [],
          numberFormat: heavy && s ? matrix((row, col) => s.numberFormat(row, col)) : [],
          address: `'${sheetName}'!${rectA1(r)}`,
          rowIndex: r.top,
          columnIndex: r.left,
          rowCount: r.rows,
          columnCount: r.cols,
          format: {
            fill: { color: '#FFFFFF' },
            font: { bold: false, size: 11 },
            columnWidth: s ? s.columnWidth(r.left) : STANDARD_WIDTH,
            useStandardWidth: s ? !s.columnWidths.has(r.left) : true,
            rowHeight: s ? s.rowHeight(r.top) : STANDARD_HEIGHT,
            useStandardHeight: s ? !s.rowHeights.has(r.top) : true,
            wrapText: false,
          },
        },
        'excel' as never,
      ),
    ) as unknown as Record<string, unknown> & OfficeMockObject;
    const where = `${sheetName}!${rectA1(r)}`;
    const mm = m as unknown as Record<string, unknown>;
    Object.defineProperty(mm, 'isNullObject', { get: () => rect === null });
    instrument(mm, 'values', (v) =>
      queue(`values ${where}`, () => {
        const sheet = sheetOf(sheetName);
        (v as unknown[][]).forEach((row, i) =>
          row.forEach((x, j) =>
            sheet.set(
              r.top + i,
              r.left + j,
              typeof x === 'string' && x.startsWith("'") ? x.slice(1) : (x as never),
            ),
          ),
        );
      }),
    );
    instrument(mm, 'numberFormat', (v) =>
      queue(`numberFormat ${where}`, () => {
        const sheet = sheetOf(sheetName);
        (v as string[][]).forEach((row, i) =>
          row.forEach((f, j) => sheet.numberFormats.set(cellKey(r.top + i, r.left + j), f)),
        );
      }),
    );
    Object.defineProperty(mm, 'hyperlink', {
      set: (h: never) =>
        queue(`hyperlink ${where}`, () => sheetOf(sheetName).hyperlinks.set(cellKey(r.top, r.left), h)),
    });
    for (const p of ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'])
      instrument(mm, p, () => undefined);
    const format = mm['format'] as Record<string, unknown>;
    const fill = format['fill'] as Record<string, unknown>;
    const font = format['font'] as Record<string, unknown>;
    instrument(fill, 'color', (c) =>
      queue(`fill ${where} ${String(c)}`, () => {
        const sheet = sheetOf(sheetName);
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++)
            sheet.fills.set(cellKey(r.top + i, r.left + j), String(c).toUpperCase());
      }),
    );
    // The fill of one cell as Office.js gives it: white when there is none.
    if (s && r.rows === 1 && r.cols === 1) {
      const f = (m as unknown as { format: { fill: OfficeMockObject } }).format.fill;
      (f as unknown as { setValue: (n: string, v: unknown) => void }).setValue(
        'color',
        s.fills.get(cellKey(r.top, r.left)) ?? '#FFFFFF',
      );
    }
    fill['clear'] = () => queue(`clearFill ${where}`, () => sheetOf(sheetName).clear(r, 'Formats'));
    instrument(font, 'bold', (b) =>
      queue(`bold ${where}`, () => {
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++)
            sheetOf(sheetName).bold[b ? 'add' : 'delete'](cellKey(r.top + i, r.left + j));
      }),
    );
    instrument(font, 'size', () => undefined);
    instrument(format, 'wrapText', () => undefined);
    instrument(format, 'columnWidth', (w) =>
      queue(`columnWidth ${where}`, () => {
        for (let j = 0; j < r.cols; j++) sheetOf(sheetName).columnWidths.set(r.left + j, w as number);
      }),
    );
    instrument(format, 'useStandardWidth', (v) => {
      if (v === true)
        queue(`useStandardWidth ${where}`, () => {
          for (let j = 0; j < r.cols; j++) sheetOf(sheetName).columnWidths.delete(r.left + j);
        });
    });
    instrument(format, 'rowHeight', (h) =>
      queue(`rowHeight ${where}`, () => {
        for (let i = 0; i < r.rows; i++) sheetOf(sheetName).rowHeights.set(r.top + i, h as number);
      }),
    );
    instrument(format, 'useStandardHeight', (v) => {
      if (v === true)
        queue(`useStandardHeight ${where}`, () => {
          for (let i = 0; i < r.rows; i++) sheetOf(sheetName).rowHeights.delete(r.top + i);
        });
    });
    mm['clear'] = (what: 'All' | 'Contents' | 'Formats' = 'All') =>
      queue(`clear${what} ${where}`, () => sheetOf(sheetName).clear(r, what));
    mm['merge'] = () =>
      queue(`merge ${where}`, () => {
        const sheet = sheetOf(sheetName);
        sheet.merges = sheet.merges.filter((x) => !overlaps(x, r));
        sheet.merges.push(r);
      });
    mm['unmerge'] = () =>
      queue(`unmerge ${where}`, () => {
        const sheet = sheetOf(sheetName);
        sheet.merges = sheet.merges.filter((x) => !overlaps(x, r));
      });
    mm['select'] = () =>
      queue(`select ${where}`, () => (model.selection = { sheet: sheetName, address: rectA1(r) }));
    mm['untrack'] = () => m;
    mm['getMergedAreasOrNullObject'] = () => {
      if (apiMinor < 13) throw new Error('ApiNotFound: getMergedAreasOrNullObject');
      const hits = (s?.merges ?? []).filter((x) => overlaps(x, r));
      const areas = track(
        new OfficeMockObject(
          { address: hits.map((x) => `'${sheetName}'!${rectA1(x)}`).join(', ') },
          'excel' as never,
        ),
      );
      Object.defineProperty(areas, 'isNullObject', { get: () => hits.length === 0 });
      instrument(areas as unknown as Record<string, unknown>, 'address', () => undefined);
      return areas;
    };
    return m;
  }

  function noteMock(sheetName: string, cell: string, content: string): OfficeMockObject {
    const n = track(new OfficeMockObject({ content }, 'excel' as never));
    const nn = n as unknown as Record<string, unknown>;
    instrument(nn, 'content', (v) =>
      queue(`noteContent ${sheetName}!${cell}`, () => sheetOf(sheetName).notes.set(cell, String(v))),
    );
    nn['delete'] = () =>
      queue(`noteDelete ${sheetName}!${cell}`, () => sheetOf(sheetName).notes.delete(cell));
    nn['getLocation'] = () => rangeMock(sheetName, parseRect(cell));
    return n;
  }

  function worksheetMock(name: string, exists: () => boolean): OfficeMockObject {
    const s = model.sheet(name);
    const w = track(new OfficeMockObject({ name, visibility: s?.visibility ?? 'Visible' }, 'excel' as never));
    const ww = w as unknown as Record<string, unknown>;
    let isNull = !exists();
    Object.defineProperty(ww, 'isNullObject', { get: () => isNull });
    (ww as { refreshNull?: () => void }).refreshNull = () => (isNull = !exists());
    instrument(ww, 'name', () => undefined);
    instrument(ww, 'visibility', (v) =>
      queue(`visibility ${name} ${String(v)}`, () => (sheetOf(name).visibility = v as never)),
    );
    ww['getUsedRangeOrNullObject'] = () => rangeMock(name, model.sheet(name)?.usedRect() ?? null);
    ww['getRangeByIndexes'] = (top: number, left: number, rows: number, cols: number) =>
      rangeMock(name, { top, left, rows, cols });
    ww['getRange'] = (address?: string) =>
      rangeMock(name, address ? parseRect(address) : { top: 0, left: 0, rows: 1_048_576, cols: 16_384 });
    ww['delete'] = () => queue(`delete ${name}`, () => model.deleteSheet(name));
    ww['activate'] = () => undefined;
    const notes: Record<string, unknown> = {
      items: [] as OfficeMockObject[],
      load: () => {
        const sheet = model.sheet(name);
        notes['items'] = sheet
          ? [...sheet.notes.entries()].map(([cell, text]) => noteMock(name, cell, text).load('content'))
          : [];
        return notes;
      },
      add: (cell: string, content: string) =>
        queue(`note ${name}!${cell}`, () => {
          const sheet = sheetOf(name);
          if (sheet.notes.has(cell)) throw new Error(`InvalidArgument: ${cell} already has a note`);
          sheet.notes.set(cell, content);
        }),
    };
    Object.defineProperty(ww, 'notes', {
      get: () => {
        if (apiMinor < 18) throw new Error('ApiNotFound: Worksheet.notes');
        return notes;
      },
    });
    ww['charts'] = {
      add: (type: string, source: { address: string }, seriesBy: string) => {
        const chart = { title: { text: '' }, setPosition: () => undefined };
        queue(`chart ${name}`, () =>
          sheetOf(name).charts.push({
            type,
            source: source.address,
            title: chart.title.text,
            seriesBy,
            series: [],
          }),
        );
        return chart;
      },
    };
    return w;
  }

  function workbookMock(): OfficeMockObject {
    const worksheets: Record<string, unknown> = {
      items: [] as OfficeMockObject[],
      // office-addin-mock cannot load "items/…" of a collection: the collection is answered here.
      load: () => {
        worksheets['items'] = model.sheets.map((s) =>
          worksheetMock(s.name, () => true).load('name,visibility'),
        );
        return worksheets;
      },
      getItem: (n: string) => worksheetMock(n, () => true),
      getItemOrNullObject: (n: string) => worksheetMock(n, () => model.sheet(n) !== undefined),
      add: (n: string) => {
        queue(`add ${n}`, () => model.addSheet(n));
        return worksheetMock(n, () => true);
      },
    };
    const application = track(
      new OfficeMockObject({ calculationMode: model.calculationMode }, 'excel' as never),
    );
    const app = application as unknown as Record<string, unknown>;
    instrument(app, 'calculationMode', (v) =>
      queue(`calculationMode ${String(v)}`, () => (model.calculationMode = v as never)),
    );
    app['suspendScreenUpdatingUntilNextSync'] = () => {
      if (apiMinor < 9) throw new Error('ApiNotFound: suspendScreenUpdatingUntilNextSync');
    };
    // Navigation objects kept as they are: office-addin-mock copies what it is given.
    return Object.assign(new OfficeMockObject({}, 'excel' as never), { worksheets, application });
  }

  const run = async <T>(cb: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const workbook = workbookMock();
    const context = {
      workbook,
      sync: async () => {
        out.syncs++;
        const ops = pending;
        pending = [];
        for (const op of ops) op();
        const objects = created;
        settling = true;
        try {
          for (const o of objects) await o.sync();
          // office-addin-mock settles nested properties in microtasks.
          await new Promise((r) => setTimeout(r, 0));
        } finally {
          settling = false;
        }
        for (const o of objects) (o as unknown as { refreshNull?: () => void }).refreshNull?.();
      },
    };
    const result = await cb(context as unknown as Excel.RequestContext);
    if (pending.length > 0) await context.sync();
    created = [];
    return result;
  };
  out.Excel = { run };
  out.Office = new OfficeMockObject(
    {
      context: {
        displayLanguage: opts.displayLanguage ?? 'vi-VN',
        requirements: {
          isSetSupported: (name: string, v?: string) =>
            name === 'ExcelApi' && Number((v ?? '1.1').split('.')[1]) <= apiMinor,
        },
      },
    },
    'excel' as never,
  );
  return out;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols
  );
}
