/** What the pane needs from its surroundings: Office, Excel, the backend, the language. */
import type { Lang } from '@kiemtra/shared';
import type { ExcelCapabilities } from '../excel/capabilities.ts';
import { currentCapabilities } from '../excel/capabilities.ts';
import type { PendingStore } from '../excel/pending.ts';
import { WorkbookPendingStore } from '../excel/pending.ts';
import type { Backend, BackendConfig } from '../services/backend.ts';
import { FirebaseBackend } from '../services/backend.ts';
import { languageOf } from './strings.ts';

/** Filled in at build time (webpack DefinePlugin) from the environment; see docs/addin.md. */
declare const __KIEMTRA_BACKEND__: BackendConfig | null;

export interface PaneEnv {
  lang: Lang;
  caps: ExcelCapabilities;
  excelRun: typeof Excel.run;
  backend: Backend | undefined;
  pending: PendingStore;
  online: () => boolean;
}

export function createEnv(): PaneEnv {
  const excelRun: typeof Excel.run = ((batch: (ctx: Excel.RequestContext) => Promise<unknown>) =>
    Excel.run(batch)) as typeof Excel.run;
  const config = typeof __KIEMTRA_BACKEND__ === 'undefined' ? null : __KIEMTRA_BACKEND__;
  return {
    lang: languageOf(Office.context?.displayLanguage),
    caps: currentCapabilities(),
    excelRun,
    backend: config ? new FirebaseBackend(config) : undefined,
    pending: new WorkbookPendingStore(excelRun),
    online: () => navigator.onLine,
  };
}
