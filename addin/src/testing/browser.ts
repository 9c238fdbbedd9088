/**
 * Installs the Excel test double in a page before the pane's scripts run (playwright's
 * addInitScript): `Office` and `Excel` backed by a workbook given as a WorkbookGrid. The
 * double stays reachable as `window.__kiemtraDouble` for the test to inspect.
 */
import type { WorkbookGrid } from '@kiemtra/shared';
import type { DoubleOptions } from './excel-double.ts';
import { ExcelDouble } from './excel-double.ts';
import { WorkbookModel } from './workbook-model.ts';

declare global {
  interface Window {
    __kiemtraDouble?: ExcelDouble;
    __kiemtraInstallDouble?: (grid: WorkbookGrid, options?: DoubleOptions) => void;
  }
}

window.__kiemtraInstallDouble = (grid, options = {}) => {
  const double = new ExcelDouble(WorkbookModel.fromGrid(grid), options);
  window.__kiemtraDouble = double;
  Object.assign(window, { Office: double.officeNamespace(), Excel: double.excelNamespace() });
};

export { ExcelDouble, WorkbookModel };
