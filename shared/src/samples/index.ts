/**
 * Sample workbooks in the printed layout officials use (DOMAIN.md "What the workbooks look
 * like"): deterministic, built from a seeded generator, for tests, demos and benchmarks.
 * Every person in them is fictional.
 */

/** A commune committee's yearly workbook with seeded errors (or `clean`), and where they are. */
export {
  communeSample,
  communeWorkbook,
  SHEET_NAMES,
  type CommuneOptions,
  type CommuneSample,
  type SeededIssue,
} from './commune.ts';

/** Several communes of one district, and the district's unit list. */
export { districtWorkbooks, type DistrictSamples, type DistrictUnit } from './district.ts';

/** Workbooks that reproduce the figures the seed articles report. */
export {
  laoCaiHamlets,
  quangNinhOrganizations2020,
  sonLaCommuneCommittees,
  sopCopAdmissionsTerm,
  sopCopCells,
  vanLangOrganizations2018,
} from './figures.ts';

/** A province-sized workbook (~100,000 member rows) for measuring speed. */
export { provinceWorkbook, type ProvinceOptions } from './province.ts';

/** The seeded generator, for tests that mangle samples reproducibly. */
export { seededRandom, type Random } from './random.ts';

/** The committed sample set, with each workbook's path under samples/. */
export { sampleCatalogue, type SampleEntry } from './catalogue.ts';
