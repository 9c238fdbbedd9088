/** The reporting period a workbook covers: a year, a quarter, a half-year, a month or a term. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'term';

export interface Period {
  kind: PeriodKind;
  /** Stable key: "2023", "2024-Q1", "2024-H1", "2024-03", "2015-2020". */
  key: string;
  /** First and last calendar year covered (equal except for terms). */
  fromYear: number;
  toYear: number;
  /** Months covered: 12, 6, 3, 1, or 60 for a five-year term. Prorates meeting counts. */
  months: number;
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', key: String(year), fromYear: year, toYear: year, months: 12 };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  return { kind: 'quarter', key: `${year}-Q${quarter}`, fromYear: year, toYear: year, months: 3 };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return { kind: 'half', key: `${year}-H${half}`, fromYear: year, toYear: year, months: 6 };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${year}-${String(month).padStart(2, '0')}`,
    fromYear: year,
    toYear: year,
    months: 1,
  };
}

export function termPeriod(fromYear: number, toYear: number): Period {
  return {
    kind: 'term',
    key: `${fromYear}-${toYear}`,
    fromYear,
    toYear,
    months: (toYear - fromYear) * 12,
  };
}
