/**
 * Settings shared by every function, and by the tests and scripts that call them. No Firebase
 * import here, so that tests can read the region and limits without loading firebase-admin.
 */

/** Singapore: the nearest Cloud Functions region to Vietnam. */
export const REGION = 'asia-southeast1';

/** Limits on what one call may carry; each breach is a clear error, and nothing is stored. */
export const LIMITS = {
  /** JSON bytes of one request's data (a commune of ~5,000 members, names removed). */
  payloadBytes: 4 * 1024 * 1024,
  /** Records (table rows) in one workbook. */
  records: 20_000,
  /** Stored workbook data, compressed: Firestore keeps at most 1 MiB per document. */
  storedContentBytes: 900 * 1024,
  tables: 60,
  sheets: 60,
  /** Reading issues sent with a workbook. */
  issues: 5_000,
  /** Characters of a review comment or a justification. */
  commentChars: 2_000,
  /** Rows of one unit-tree import. */
  unitRows: 5_000,
  /** Issues kept in a stored version (all of them stay recomputable from the stored data). */
  storedIssues: 300,
  /** Firestore's `in` filter takes at most 30 values. */
  inQueryChunk: 30,
} as const;

export const COLLECTIONS = {
  units: 'units',
  /** Immutable submission versions: small, read by roll-ups. */
  versions: 'versions',
  /** The redacted workbook data behind each version, same id: large, read rarely. */
  contents: 'versionContents',
  reviews: 'reviews',
  /** An approval: one document per unit and period, created once, it locks the period. */
  locks: 'locks',
  rulebooks: 'rulebooks',
  deadlines: 'deadlines',
  /** Derived: roll-ups keyed by what they were computed from. */
  rollups: 'rollups',
  audit: 'audit',
} as const;

export const ROLES = ['admin', 'editor', 'viewer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** An admin whose scope is this manages every unit. */
export const GLOBAL_SCOPE = '*';
