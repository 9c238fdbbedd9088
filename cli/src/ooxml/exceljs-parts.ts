/**
 * The few ExcelJS pieces the patch writer reuses so that what it writes reads back exactly
 * as ExcelJS's own output does: the style model of an existing cell style (the JSON the state
 * sheet records and `removeResults` restores), and the XML of fonts, fills, borders, cell
 * formats, notes and their VML shapes. Only small parts go through them, never a worksheet.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

interface Xform {
  toXml(model: unknown): string;
  render(stream: unknown, model: unknown, index?: number): void;
}
type XformClass = new (options?: unknown) => Xform;

const FontXform = require('exceljs/lib/xlsx/xform/style/font-xform.js') as XformClass;
const FillXform = require('exceljs/lib/xlsx/xform/style/fill-xform.js') as XformClass;
const BorderXform = require('exceljs/lib/xlsx/xform/style/border-xform.js') as XformClass;
const StyleXform = require('exceljs/lib/xlsx/xform/style/style-xform.js') as XformClass;
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => {
  parseStream(stream: Readable): Promise<unknown>;
  getStyleModel(id: number): Partial<ExcelJS.Style> | null;
};
const CommentXform = require('exceljs/lib/xlsx/xform/comment/comment-xform.js') as XformClass;
const VmlShapeXform = require('exceljs/lib/xlsx/xform/comment/vml-shape-xform.js') as XformClass;
const XmlStream = require('exceljs/lib/utils/xml-stream.js') as new () => { xml: string };
const Note = require('exceljs/lib/doc/note.js') as new (text: string) => { model: Record<string, unknown> };

export const xforms = {
  font: new FontXform(),
  fill: new FillXform(),
  border: new BorderXform(),
  xf: new StyleXform({ xfId: true }),
};

/** Style models of a styles.xml as ExcelJS builds them (`getStyleModel`, null for none). */
export async function parseStyleModels(xml: string): Promise<(id: number) => Partial<ExcelJS.Style> | null> {
  const styles = new StylesXform();
  await styles.parseStream(Readable.from([xml]));
  return (id) => styles.getStyleModel(id);
}

/** A note as ExcelJS writes a plain-text note: its `<comment>` and its VML shape. */
export function noteParts(
  ref: string,
  row: number,
  col: number,
  text: string,
  index: number,
): { comment: string; shape: string } {
  const item = { ...new Note(text).model, ref, refAddress: { row: row + 1, col: col + 1 } };
  const comment = new CommentXform().toXml(item);
  const stream = new XmlStream();
  new VmlShapeXform().render(stream, item, index);
  return { comment, shape: stream.xml };
}
