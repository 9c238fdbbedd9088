/**
 * An in-page stand-in for Excel: `Excel.run` and `context.workbook` with Office.js's proxy
 * semantics (operations queue up, `load` is answered at `context.sync()`, reading a property
 * that was not loaded throws), backed by a WorkbookModel. It records every write it applies,
 * counts syncs and measures each request and response in bytes as Office.js would send them,
 * so tests and the benchmark can check the add-in's traffic, not only its results.
 */
import { utf8Length } from '../excel/limits.ts';
import type {
  ChartModel,
  ConditionalFormatModel,
  ExcelValue,
  ModelSheet,
  Rect,
  Visibility,
  WorkbookModel,
} from './workbook-model.ts';
import { cellKey, parseRect, rectA1 } from './workbook-model.ts';

export interface WriteRecord {
  sheet: string;
  /** What was written: "values", "fill", "clearFill", "note", "sheet.add", … */
  op: string;
  address: string;
  value?: unknown;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

export interface DoubleOptions {
  /** Highest ExcelApi minor version the double answers to (default 18). */
  apiMinor?: number;
  displayLanguage?: string;
  /** Milliseconds each sync takes, to look like a network round trip (default 0). */
  latencyMs?: number;
}

type Entry = { bytes: number; run: () => number };

class Queue {
  entries: Entry[] = [];
  nextId = 1;
  id(): number {
    return this.nextId++;
  }
  /** An action as Office.js serializes it: action record plus the object path it runs on. */
  action(name: string, args: unknown, run: () => void): void {
    const bytes = utf8Length(
      JSON.stringify({
        Id: this.nextId,
        ActionType: 1,
        Name: name,
        ObjectPathId: this.nextId,
        ArgumentInfo: { Arguments: [args] },
      }),
    );
    this.nextId++;
    this.entries.push({
      bytes: bytes + OBJECT_PATH_BYTES,
      run: () => {
        run();
        return 0;
      },
    });
  }
  load(props: string, run: () => unknown): void {
    const bytes = utf8Length(
      JSON.stringify({
        Id: this.nextId,
        ActionType: 2,
        Name: '',
        ObjectPathId: this.nextId,
        QueryInfo: { Select: props.split(',') },
      }),
    );
    this.nextId++;
    this.entries.push({
      bytes: bytes + OBJECT_PATH_BYTES,
      run: () => utf8Length(JSON.stringify(run() ?? null)),
    });
  }
}

/** A getRange("B5") path entry in an Office.js request. */
const OBJECT_PATH_BYTES = 96;

function notLoaded(name: string): never {
  throw new Error(
    `PropertyNotLoaded: The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  protected nullObject: boolean | undefined;
  constructor(protected ctx: DoubleContext) {}
  get isNullObject(): boolean {
    if (this.nullObject === undefined) notLoaded('isNullObject');
    return this.nullObject;
  }
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) notLoaded(name);
    return this.loaded.get(name) as T;
  }
  untrack(): this {
    this.ctx.double.untracked++;
    return this;
  }
  track(): this {
    return this;
  }
}

export class DoubleContext {
  readonly workbook: WorkbookProxy;
  readonly queue = new Queue();
  constructor(readonly double: ExcelDouble) {
    this.workbook = new WorkbookProxy(this);
  }
  get model(): WorkbookModel {
    return this.double.model;
  }
  async sync(): Promise<void> {
    const entries = this.queue.entries;
    this.queue.entries = [];
    let requestBytes = 0;
    let responseBytes = 0;
    for (const e of entries) requestBytes += e.bytes;
    for (const e of entries) responseBytes += e.run();
    this.double.syncs.push({ requestBytes, responseBytes, actions: entries.length });
    if (this.double.latencyMs > 0) await new Promise((r) => setTimeout(r, this.double.latencyMs));
  }
  trackedObjects = { add: () => undefined, remove: () => undefined };
  requireApi(minor: number, what: string): void {
    if (this.double.apiMinor < minor) throw new Error(`ApiNotFound: ${what} needs ExcelApi 1.${minor}`);
  }
  record(sheet: string, op: string, address: string, value?: unknown): void {
    this.double.writes.push(value === undefined ? { sheet, op, address } : { sheet, op, address, value });
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(ctx: DoubleContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
  get comments(): CommentCollectionProxy {
    this.ctx.requireApi(10, 'Workbook.comments');
    return new CommentCollectionProxy(this.ctx);
  }
  get name(): string {
    return this.read('name');
  }
  load(props = 'name'): this {
    this.ctx.queue.load(props, () => {
      this.loaded.set('name', this.ctx.model.name);
      return { name: this.ctx.model.name };
    });
    return this;
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => this.ctx.model.sheets[0] ?? null,
      () => ({ top: 0, left: 0, rows: 1, cols: 1 }),
    );
  }
}

class ApplicationProxy extends Proxy {
  get calculationMode(): string {
    return this.read('calculationMode');
  }
  set calculationMode(mode: string) {
    this.ctx.requireApi(8, 'Application.calculationMode (set)');
    this.ctx.queue.action('calculationMode', mode, () => {
      this.ctx.model.calculationMode = mode as WorkbookModel['calculationMode'];
      this.ctx.record('', 'calculationMode', '', mode);
    });
  }
  load(props = 'calculationMode'): this {
    this.ctx.queue.load(props, () => {
      this.loaded.set('calculationMode', this.ctx.model.calculationMode);
      return { calculationMode: this.ctx.model.calculationMode };
    });
    return this;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requireApi(9, 'Application.suspendScreenUpdatingUntilNextSync');
    this.ctx.queue.action('suspendScreenUpdatingUntilNextSync', null, () => {
      this.ctx.double.screenUpdatingSuspensions++;
    });
  }
  calculate(): void {
    this.ctx.queue.action('calculate', 'Full', () => undefined);
  }
}

class WorksheetCollectionProxy extends Proxy {
  private itemsValue: WorksheetProxy[] | undefined;
  get items(): WorksheetProxy[] {
    if (!this.itemsValue) notLoaded('items');
    return this.itemsValue;
  }
  load(props = 'items/name'): this {
    const fields = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.queue.load(props, () => {
      this.itemsValue = this.ctx.model.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(s.name) ?? null);
        w.setLoaded(s, fields);
        return w;
      });
      return this.ctx.model.sheets.map((s) =>
        Object.fromEntries(fields.map((f) => [f, f === 'name' ? s.name : s.visibility])),
      );
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const w = new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null);
    this.ctx.queue.load('isNullObject', () => w.resolveNull());
    return w;
  }
  add(name: string): WorksheetProxy {
    this.ctx.queue.action('add', name, () => {
      this.ctx.model.addSheet(name);
      this.ctx.record(name, 'sheet.add', '');
    });
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheets[0] ?? null);
  }
}

class WorksheetProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    readonly resolve: () => ModelSheet | null,
  ) {
    super(ctx);
  }
  setLoaded(s: ModelSheet, fields: string[]): void {
    for (const f of fields) this.loaded.set(f, f === 'name' ? s.name : s.visibility);
    this.nullObject = false;
  }
  resolveNull(): null {
    this.nullObject = this.resolve() === null;
    return null;
  }
  private sheet(): ModelSheet {
    const s = this.resolve();
    if (!s) throw new Error('ItemNotFound: worksheet');
    return s;
  }
  get name(): string {
    return this.read('name');
  }
  get visibility(): Visibility {
    return this.read('visibility');
  }
  set visibility(v: Visibility) {
    this.ctx.queue.action('visibility', v, () => {
      const s = this.sheet();
      s.visibility = v;
      this.ctx.record(s.name, 'sheet.visibility', '', v);
    });
  }
  set name(n: string) {
    this.ctx.queue.action('name', n, () => {
      this.sheet().name = n;
    });
  }
  load(props = 'name'): this {
    this.ctx.queue.load(props, () => {
      const s = this.resolve();
      this.nullObject = s === null;
      if (s)
        this.setLoaded(
          s,
          props.split(',').map((p) => p.trim()),
        );
      return s ? { name: s.name } : null;
    });
    return this;
  }
  delete(): void {
    this.ctx.queue.action('delete', null, () => {
      const s = this.sheet();
      this.ctx.model.deleteSheet(s.name);
      this.ctx.record(s.name, 'sheet.delete', '');
    });
  }
  activate(): void {
    this.ctx.queue.action('activate', null, () => undefined);
  }
  getRange(address?: string): RangeProxy {
    const rect = address ? parseRect(address) : { top: 0, left: 0, rows: 1048576, cols: 16384 };
    return new RangeProxy(
      this.ctx,
      () => this.sheet(),
      () => rect,
      address,
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.ctx.requireApi(7, 'Worksheet.getRangeByIndexes');
    return new RangeProxy(
      this.ctx,
      () => this.sheet(),
      () => ({ top: row, left: col, rows, cols }),
    );
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => this.sheet(),
      () => this.sheet().usedRect(),
    );
  }
  get notes(): NoteCollectionProxy {
    this.ctx.requireApi(18, 'Worksheet.notes');
    return new NoteCollectionProxy(this.ctx, () => this.sheet());
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, () => this.sheet());
  }
}

class FillProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private range: RangeProxy,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.read('color');
  }
  set color(c: string) {
    this.ctx.queue.action('color', c, () => {
      const { sheet, rect } = this.range.target();
      forCells(rect, (r, col) => sheet.fills.set(cellKey(r, col), c.toUpperCase()));
      this.ctx.record(sheet.name, 'fill', rectA1(rect), c.toUpperCase());
    });
  }
  clear(): void {
    this.ctx.queue.action('clear', null, () => {
      const { sheet, rect } = this.range.target();
      forCells(rect, (r, col) => sheet.fills.delete(cellKey(r, col)));
      this.ctx.record(sheet.name, 'clearFill', rectA1(rect));
    });
  }
  load(props = 'color'): this {
    this.ctx.queue.load(props, () => {
      const { sheet, rect } = this.range.target();
      // Office.js gives white for no fill and null when the cells differ.
      let color: string | null | undefined;
      forCells(rect, (r, col) => {
        const c = sheet.fills.get(cellKey(r, col)) ?? '#FFFFFF';
        color = color === undefined || color === c ? c : null;
      });
      this.loaded.set('color', color ?? '#FFFFFF');
      return { color };
    });
    return this;
  }
}

class FontProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private range: RangeProxy,
  ) {
    super(ctx);
  }
  set bold(b: boolean) {
    this.ctx.queue.action('bold', b, () => {
      const { sheet, rect } = this.range.target();
      forCells(rect, (r, col) => (b ? sheet.bold.add(cellKey(r, col)) : sheet.bold.delete(cellKey(r, col))));
      this.ctx.record(sheet.name, 'bold', rectA1(rect), b);
    });
  }
  set size(n: number) {
    this.ctx.queue.action('size', n, () => undefined);
  }
  set color(c: string) {
    this.ctx.queue.action('fontColor', c, () => undefined);
  }
}

class RangeFormatProxy extends Proxy {
  readonly fill: FillProxy;
  readonly font: FontProxy;
  constructor(
    ctx: DoubleContext,
    private range: RangeProxy,
  ) {
    super(ctx);
    this.fill = new FillProxy(ctx, range);
    this.font = new FontProxy(ctx, range);
  }
  set columnWidth(w: number) {
    this.ctx.queue.action('columnWidth', w, () => {
      const { sheet, rect } = this.range.target();
      for (let c = rect.left; c < rect.left + rect.cols; c++) sheet.columnWidths.set(c, w);
      this.ctx.record(sheet.name, 'columnWidth', rectA1(rect), w);
    });
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  get useStandardWidth(): boolean {
    return this.read('useStandardWidth');
  }
  set useStandardWidth(v: boolean) {
    if (!v) return; // as in Excel: only true does anything
    this.ctx.queue.action('useStandardWidth', v, () => {
      const { sheet, rect } = this.range.target();
      for (let c = rect.left; c < rect.left + rect.cols; c++) sheet.columnWidths.delete(c);
      this.ctx.record(sheet.name, 'useStandardWidth', rectA1(rect));
    });
  }
  set rowHeight(h: number) {
    this.ctx.queue.action('rowHeight', h, () => {
      const { sheet, rect } = this.range.target();
      for (let r = rect.top; r < rect.top + rect.rows; r++) sheet.rowHeights.set(r, h);
      this.ctx.record(sheet.name, 'rowHeight', rectA1(rect), h);
    });
  }
  set useStandardHeight(v: boolean) {
    if (!v) return;
    this.ctx.queue.action('useStandardHeight', v, () => {
      const { sheet, rect } = this.range.target();
      for (let r = rect.top; r < rect.top + rect.rows; r++) sheet.rowHeights.delete(r);
      this.ctx.record(sheet.name, 'useStandardHeight', rectA1(rect));
    });
  }
  /** Widths and heights as Office.js gives them: null when the columns (rows) differ. */
  load(props: string): this {
    const fields = props.split(',').map((p) => p.trim());
    this.ctx.queue.load(props, () => {
      const { sheet, rect } = this.range.target();
      const same = <T>(xs: T[]): T | null => (xs.every((x) => x === xs[0]) ? xs[0]! : null);
      const cols = Array.from({ length: rect.cols }, (_, j) => rect.left + j);
      const rows = Array.from({ length: Math.min(rect.rows, 1000) }, (_, i) => rect.top + i);
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        let v: unknown;
        if (f === 'columnWidth') v = same(cols.map((c) => sheet.columnWidth(c)));
        else if (f === 'useStandardWidth') v = same(cols.map((c) => !sheet.columnWidths.has(c)));
        else if (f === 'rowHeight') v = same(rows.map((r) => sheet.rowHeight(r)));
        else if (f === 'useStandardHeight') v = same(rows.map((r) => !sheet.rowHeights.has(r)));
        else throw new Error(`The double does not know RangeFormat.${f}`);
        this.loaded.set(f, v);
        out[f] = v;
      }
      return out;
    });
    return this;
  }
  set wrapText(w: boolean) {
    this.ctx.queue.action('wrapText', w, () => undefined);
  }
  set verticalAlignment(v: string) {
    this.ctx.queue.action('verticalAlignment', v, () => undefined);
  }
  set horizontalAlignment(v: string) {
    this.ctx.queue.action('horizontalAlignment', v, () => undefined);
  }
  autofitRows(): void {
    this.ctx.queue.action('autofitRows', null, () => undefined);
  }
}

export class RangeProxy extends Proxy {
  readonly format: RangeFormatProxy;
  constructor(
    ctx: DoubleContext,
    private sheetOf: () => ModelSheet | null,
    private rectOf: () => Rect | null,
    private addressArg?: string,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
  }
  target(): { sheet: ModelSheet; rect: Rect } {
    const sheet = this.sheetOf();
    const rect = this.rectOf();
    if (!sheet || !rect) throw new Error('InvalidReference: the range is a null object');
    return { sheet, rect };
  }
  get values(): ExcelValue[][] {
    return this.read('values');
  }
  set values(v: ExcelValue[][]) {
    this.ctx.queue.action('values', v, () => {
      const { sheet, rect } = this.target();
      if (v.length !== rect.rows || v.some((r) => r.length !== rect.cols)) {
        throw new Error(`InvalidArgument: ${v.length}×${v[0]?.length} values for ${rectA1(rect)}`);
      }
      // As Excel does: a leading apostrophe marks text and is not part of the value; text
      // starting with "=" would become a formula, which the add-in must never write.
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          let value = x ?? '';
          if (typeof value === 'string' && value.startsWith("'")) value = value.slice(1);
          else if (typeof value === 'string' && value.startsWith('=')) this.ctx.double.formulasWritten++;
          sheet.set(rect.top + i, rect.left + j, value);
        }),
      );
      this.ctx.record(sheet.name, 'values', rectA1(rect), v);
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue.action('numberFormat', v, () => {
      const { sheet, rect } = this.target();
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          const k = cellKey(rect.top + i, rect.left + j);
          if (f === 'General') sheet.numberFormats.delete(k);
          else sheet.numberFormats.set(k, f);
        }),
      );
      this.ctx.record(sheet.name, 'numberFormat', rectA1(rect), v);
    });
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.queue.action('hyperlink', h, () => {
      const { sheet, rect } = this.target();
      sheet.hyperlinks.set(cellKey(rect.top, rect.left), h);
      this.ctx.record(sheet.name, 'hyperlink', rectA1(rect), h);
    });
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  load(props = 'address'): this {
    const fields = props.split(',').map((p) => p.trim());
    this.ctx.queue.load(props, () => {
      const sheet = this.sheetOf();
      const rect = this.rectOf();
      this.nullObject = !sheet || !rect;
      if (!sheet || !rect) return null;
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        let v: unknown;
        if (f === 'values') v = matrix(rect, (r, c) => sheet.get(r, c));
        else if (f === 'numberFormat') v = matrix(rect, (r, c) => sheet.numberFormat(r, c));
        else if (f === 'address') v = `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
        else if (f === 'rowIndex') v = rect.top;
        else if (f === 'columnIndex') v = rect.left;
        else if (f === 'rowCount') v = rect.rows;
        else if (f === 'columnCount') v = rect.cols;
        else throw new Error(`The double does not know Range.${f}`);
        this.loaded.set(f, v);
        out[f] = v;
      }
      return out;
    });
    return this;
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.ctx.queue.action('clear', applyTo, () => {
      const { sheet, rect } = this.target();
      sheet.clear(rect, applyTo);
      this.ctx.record(sheet.name, `clear${applyTo}`, rectA1(rect));
    });
  }
  merge(across = false): void {
    this.ctx.queue.action('merge', across, () => {
      const { sheet, rect } = this.target();
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
      sheet.merges.push(rect);
      this.ctx.record(sheet.name, 'merge', rectA1(rect));
    });
  }
  unmerge(): void {
    this.ctx.queue.action('unmerge', null, () => {
      const { sheet, rect } = this.target();
      const before = sheet.merges.length;
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
      if (sheet.merges.length !== before) this.ctx.record(sheet.name, 'unmerge', rectA1(rect));
    });
  }
  select(): void {
    this.ctx.queue.action('select', null, () => {
      const { sheet, rect } = this.target();
      this.ctx.model.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.requireApi(13, 'Range.getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, () => {
      const sheet = this.sheetOf();
      const rect = this.rectOf();
      if (!sheet || !rect) return null;
      const hits = sheet.merges.filter((m) => overlaps(m, rect));
      return hits.length ? hits.map((m) => `${quoteSheet(sheet.name)}!${rectA1(m)}`).join(', ') : null;
    });
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.ctx.requireApi(6, 'Range.conditionalFormats');
    return new ConditionalFormatCollectionProxy(this.ctx, this);
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetOf, () => {
      const r = this.rectOf();
      return r ? { top: r.top + row, left: r.left + col, rows: 1, cols: 1 } : null;
    });
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.sheetOf);
  }
  /** The address given to getRange, for notes added through a Range. */
  get addressArgument(): string | undefined {
    return this.addressArg;
  }
}

class RangeAreasProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private addressOf: () => string | null,
  ) {
    super(ctx);
  }
  get address(): string {
    return this.read('address');
  }
  load(props = 'address'): this {
    this.ctx.queue.load(props, () => {
      const a = this.addressOf();
      this.nullObject = a === null;
      if (a !== null) this.loaded.set('address', a);
      return a;
    });
    return this;
  }
}

class NoteProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private sheetOf: () => ModelSheet,
    private cell: string,
    content: string,
    private kind: 'note' | 'comment',
  ) {
    super(ctx);
    this.loaded.set('content', content);
  }
  get content(): string {
    return this.read('content');
  }
  set content(text: string) {
    this.ctx.queue.action('content', text, () => {
      const s = this.sheetOf();
      (this.kind === 'note' ? s.notes : s.comments).set(this.cell, text);
      this.ctx.record(s.name, `${this.kind}.content`, this.cell, text);
    });
  }
  delete(): void {
    this.ctx.queue.action('delete', null, () => {
      const s = this.sheetOf();
      (this.kind === 'note' ? s.notes : s.comments).delete(this.cell);
      this.ctx.record(s.name, `${this.kind}.delete`, this.cell);
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetOf, () => parseRect(this.cell));
  }
}

class NoteCollectionProxy extends Proxy {
  private itemsValue: NoteProxy[] | undefined;
  constructor(
    ctx: DoubleContext,
    private sheetOf: () => ModelSheet,
  ) {
    super(ctx);
  }
  get items(): NoteProxy[] {
    if (!this.itemsValue) notLoaded('items');
    return this.itemsValue;
  }
  load(props = 'items/content'): this {
    this.ctx.queue.load(props, () => {
      const s = this.sheetOf();
      this.itemsValue = [...s.notes.entries()].map(
        ([cell, text]) => new NoteProxy(this.ctx, this.sheetOf, cell, text, 'note'),
      );
      return [...s.notes.values()];
    });
    return this;
  }
  add(cellAddress: string | RangeProxy, content: string): NoteProxy {
    this.ctx.queue.action('add', [cellAddress, content], () => {
      const s = this.sheetOf();
      const cell = rectA1(
        parseRect(
          typeof cellAddress === 'string'
            ? cellAddress
            : cellAddress.target().rect
              ? rectA1(cellAddress.target().rect)
              : '',
        ),
      );
      if (s.notes.has(cell)) throw new Error(`InvalidArgument: ${s.name}!${cell} already has a note`);
      s.notes.set(cell, content);
      this.ctx.record(s.name, 'note', cell, content);
    });
    return new NoteProxy(this.ctx, this.sheetOf, '', content, 'note');
  }
}

/** Workbook-level threaded comments (ExcelApi 1.10): addresses carry the sheet name. */
class CommentCollectionProxy extends Proxy {
  private itemsValue: NoteProxy[] | undefined;
  get items(): NoteProxy[] {
    if (!this.itemsValue) notLoaded('items');
    return this.itemsValue;
  }
  load(props = 'items/content'): this {
    this.ctx.queue.load(props, () => {
      this.itemsValue = this.ctx.model.sheets.flatMap((s) =>
        [...s.comments.entries()].map(
          ([cell, text]) => new NoteProxy(this.ctx, () => s, cell, text, 'comment'),
        ),
      );
      return this.itemsValue.length;
    });
    return this;
  }
  add(cellAddress: string, content: string): NoteProxy {
    this.ctx.queue.action('add', [cellAddress, content], () => {
      const bang = cellAddress.lastIndexOf('!');
      const sheetName = unquoteSheet(cellAddress.slice(0, bang));
      const s = this.ctx.model.sheet(sheetName);
      if (!s) throw new Error(`ItemNotFound: ${sheetName}`);
      const cell = rectA1(parseRect(cellAddress));
      if (s.comments.has(cell)) throw new Error(`InvalidArgument: ${cellAddress} already has a comment`);
      s.comments.set(cell, content);
      this.ctx.record(s.name, 'comment', cell, content);
    });
    return new NoteProxy(this.ctx, () => this.ctx.model.sheets[0]!, '', content, 'comment');
  }
}

class ChartProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private chart: () => ChartModel,
  ) {
    super(ctx);
  }
  get title(): { text: string } {
    const ctx = this.ctx;
    const chart = this.chart;
    return {
      set text(t: string) {
        ctx.queue.action('title', t, () => {
          chart().title = t;
        });
      },
      get text(): string {
        return chart().title;
      },
    };
  }
  setPosition(_start: string, _end?: string): void {
    this.ctx.queue.action('setPosition', [_start, _end], () => undefined);
  }
  get series(): ChartSeriesCollectionProxy {
    return new ChartSeriesCollectionProxy(this.ctx, this.chart);
  }
  set name(_n: string) {
    this.ctx.queue.action('name', _n, () => undefined);
  }
}

class ChartCollectionProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private sheetOf: () => ModelSheet,
  ) {
    super(ctx);
  }
  add(type: string, source: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let created: ChartModel | undefined;
    this.ctx.queue.action('add', [type, seriesBy], () => {
      const s = this.sheetOf();
      const rect = source.target().rect;
      // Like Excel, one series per column (or row) of the source.
      const byColumns = seriesBy !== 'Rows';
      const count = byColumns ? rect.cols : rect.rows;
      const series = Array.from({ length: count }, (_, i) => ({
        name: '',
        values: rectA1(
          byColumns
            ? { top: rect.top, left: rect.left + i, rows: rect.rows, cols: 1 }
            : { top: rect.top + i, left: rect.left, rows: 1, cols: rect.cols },
        ),
      }));
      created = { type, source: rectA1(rect), title: '', seriesBy, series };
      s.charts.push(created);
      this.ctx.record(s.name, 'chart', created.source, type);
    });
    return new ChartProxy(this.ctx, () => {
      if (!created) throw new Error('InvalidReference: chart not created yet');
      return created;
    });
  }
}

class ChartSeriesProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private item: () => ChartModel['series'][number],
  ) {
    super(ctx);
  }
  set name(n: string) {
    this.ctx.queue.action('name', n, () => {
      this.item().name = n;
    });
  }
  setValues(source: RangeProxy): void {
    this.ctx.queue.action('setValues', null, () => {
      this.item().values = rectA1(source.target().rect);
    });
  }
  setXAxisValues(source: RangeProxy): void {
    this.ctx.queue.action('setXAxisValues', null, () => {
      this.item().xValues = rectA1(source.target().rect);
    });
  }
}

class ChartSeriesCollectionProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private chart: () => ChartModel,
  ) {
    super(ctx);
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, () => {
      const s = this.chart().series[index];
      if (!s) throw new Error(`InvalidArgument: no series ${index}`);
      return s;
    });
  }
  add(name: string): ChartSeriesProxy {
    let created: ChartModel['series'][number] | undefined;
    this.ctx.queue.action('add', name, () => {
      created = { name, values: '' };
      this.chart().series.push(created);
    });
    return new ChartSeriesProxy(this.ctx, () => {
      if (!created) throw new Error('InvalidReference: series not created yet');
      return created;
    });
  }
}

/** Conditional formats: what is set on them is kept as "dataBar.barDirection" and so on. */
class ConditionalFormatCollectionProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    private range: RangeProxy,
  ) {
    super(ctx);
  }
  add(type: string): Record<string, unknown> {
    let created: ConditionalFormatModel | undefined;
    this.ctx.queue.action('add', type, () => {
      const { sheet, rect } = this.range.target();
      created = { type, range: rectA1(rect), props: {} };
      sheet.conditionalFormats.push(created);
      this.ctx.record(sheet.name, 'conditionalFormat', created.range, type);
    });
    const ctx = this.ctx;
    const settable = (path: string): Record<string, unknown> =>
      new globalThis.Proxy({} as Record<string, unknown>, {
        get: (_t, key) => (typeof key === 'string' ? settable(`${path}.${key}`) : undefined),
        set: (_t, key, value) => {
          ctx.queue.action(String(key), value, () => {
            if (!created) throw new Error('InvalidReference: conditional format not created yet');
            created.props[`${path}.${String(key)}`] = value;
          });
          return true;
        },
      });
    const kind = type.charAt(0).toLowerCase() + type.slice(1);
    return { [kind]: settable(kind) };
  }
}

function forCells(rect: Rect, f: (r: number, c: number) => void): void {
  for (let r = rect.top; r < rect.top + rect.rows; r++)
    for (let c = rect.left; c < rect.left + rect.cols; c++) f(r, c);
}

function matrix<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const row: T[] = new Array(rect.cols);
    for (let j = 0; j < rect.cols; j++) row[j] = f(rect.top + i, rect.left + j);
    out[i] = row;
  }
  return out;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols
  );
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function unquoteSheet(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** The double itself: holds the model and everything observed. */
export class ExcelDouble {
  syncs: SyncRecord[] = [];
  writes: WriteRecord[] = [];
  untracked = 0;
  screenUpdatingSuspensions = 0;
  formulasWritten = 0;
  readonly apiMinor: number;
  readonly latencyMs: number;

  constructor(
    public model: WorkbookModel,
    readonly options: DoubleOptions = {},
  ) {
    this.apiMinor = options.apiMinor ?? 18;
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** Excel.run: a new context; pending operations are synced when the callback returns. */
  run = async <T>(batch: (context: DoubleContext) => Promise<T>): Promise<T> => {
    const ctx = new DoubleContext(this);
    const result = await batch(ctx);
    if (ctx.queue.entries.length) await ctx.sync();
    return result;
  };

  /** The `Excel` namespace as the add-in uses it. */
  excelNamespace(): Record<string, unknown> {
    return {
      run: this.run,
      CalculationMode: {
        automatic: 'Automatic',
        automaticExceptTables: 'AutomaticExceptTables',
        manual: 'Manual',
      },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered' },
      ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    };
  }

  /** The `Office` namespace: ready at once, requirement sets up to apiMinor. */
  officeNamespace(): Record<string, unknown> {
    const apiMinor = this.apiMinor;
    const displayLanguage = this.options.displayLanguage ?? 'vi-VN';
    return {
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      onReady: (cb?: (info: unknown) => void) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        cb?.(info);
        return Promise.resolve(info);
      },
      context: {
        displayLanguage,
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            if (name !== 'ExcelApi') return false;
            const minor = Number((version ?? '1.1').split('.')[1] ?? 1);
            return minor <= apiMinor;
          },
        },
      },
    };
  }

  resetCounters(): void {
    this.syncs = [];
    this.writes = [];
    this.untracked = 0;
    this.screenUpdatingSuspensions = 0;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get largestResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }
}
