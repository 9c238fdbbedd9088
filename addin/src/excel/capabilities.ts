/**
 * What the running Excel can do. The manifest asks for ExcelApi 1.7 (getRangeByIndexes,
 * hyperlinks); newer sets unlock better behaviour, older hosts get a reduced mode instead of
 * an error.
 */

/** The lowest requirement set the add-in loads in (see manifest.xml). */
export const MIN_EXCEL_API = '1.7';

export interface ExcelCapabilities {
  /** Highest ExcelApi minor version supported, e.g. 18 for 1.18. */
  apiMinor: number;
  /** Where explanations of flagged cells go: classic notes (1.18), comments (1.10) or nowhere. */
  notes: 'notes' | 'comments' | 'none';
  /** Application.suspendScreenUpdatingUntilNextSync (1.9). */
  suspendScreenUpdating: boolean;
  /** Setting Application.calculationMode (1.8). */
  manualCalculation: boolean;
  /** Range.getMergedAreasOrNullObject (1.13): merged header cells are read. */
  mergedAreas: boolean;
  /** Range.conditionalFormats (1.6): data bars and traffic lights on the roll-up sheets. */
  conditionalFormats: boolean;
  /** True when anything above is missing: the pane says what the official will not get. */
  reduced: boolean;
}

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  let apiMinor = 0;
  for (let minor = 1; minor <= 20; minor++) {
    if (isSetSupported('ExcelApi', `1.${minor}`)) apiMinor = minor;
    else break;
  }
  const notes = apiMinor >= 18 ? 'notes' : apiMinor >= 10 ? 'comments' : 'none';
  const caps = {
    apiMinor,
    notes,
    suspendScreenUpdating: apiMinor >= 9,
    manualCalculation: apiMinor >= 8,
    mergedAreas: apiMinor >= 13,
    conditionalFormats: apiMinor >= 6,
  } as const;
  return { ...caps, reduced: notes === 'none' || !caps.suspendScreenUpdating || !caps.mergedAreas };
}

/** Capabilities of the running host, or of the newest Excel when Office is not there. */
export function currentCapabilities(): ExcelCapabilities {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (!req) return detectCapabilities(() => true);
  return detectCapabilities((name, v) => req.isSetSupported(name, v));
}
