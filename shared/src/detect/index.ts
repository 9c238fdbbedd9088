/** Finding officials' tables as they are laid out, and reading their rows. */
import type { WorkbookGrid } from '../grid.ts';
import type { WorkbookData } from '../workbook-data.ts';

export function readWorkbook(_grid: WorkbookGrid): WorkbookData {
  throw new Error('not implemented');
}
