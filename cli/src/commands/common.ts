/** What every command shares: exit codes and the common options. */

/** 0: no errors; 1: the workbooks have errors; 2: bad usage or an input that cannot be read. */
export const EXIT = { ok: 0, errorsFound: 1, badInput: 2 } as const;

export interface CommonOptions {
  json: boolean;
  verbose: boolean;
  /** Rows per sheet above which a workbook is refused. */
  maxRows?: number;
}
