/** The bundled command line's entry file. */
export const DIST_ENTRY: string;
/** True when dist/ is missing or older than a source file. */
export function isStale(): boolean;
/** Bundles cli/src (with the shared engine) into cli/dist. */
export function buildCli(): Promise<void>;
