/**
 * One unit's rating (xếp loại chất lượng) from its score and task figures: the score band first,
 * then the band's conditions; when they fail, the rating drops to the highest level whose
 * conditions hold (Regulation 366-QĐ/TW as publicly reported). Every number comes from the
 * rating model in the rulebook.
 */
import { formatDecimal, formatPercent } from '../format.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { RATING_CODES, RATING_LABELS, type RatingCode } from '../rating-codes.ts';
import type { RatingModel } from '../rulebook/schema.ts';

export interface RatingInput {
  score: number;
  /** Tasks assigned (nhiệm vụ được giao); without it the rating rests on the score alone. */
  tasksTotal?: number;
  tasksOnTime?: number;
  tasksLate?: number;
  tasksUndone?: number;
  tasksExceeded?: number;
  disciplinedLeaders?: number;
}

export interface RatingOutcome {
  rating: RatingCode;
  /** The level the score alone reaches. */
  band: RatingCode;
  reason: Bilingual;
  /** Conditions that could not be checked for want of figures. */
  unchecked: Bilingual[];
}

/** Short names of the levels as they read inside a sentence. */
const LEVEL_NAMES: Record<RatingCode, Bilingual> = {
  HTXSNV: bi('xuất sắc', 'excellent'),
  HTTNV: bi('tốt', 'good'),
  HTNV: bi('hoàn thành', 'completed'),
  KHTNV: bi('không hoàn thành', 'not completed'),
};

interface ConditionCheck {
  /** true: holds; false: fails; undefined: figures missing. */
  holds: boolean | undefined;
  /**
   * What failed, with its numbers ("chỉ 20% nhiệm vụ vượt (cần ≥ 30%)"); written only when the
   * condition fails, since formatting the figures is most of the work of rating a unit.
   */
  failure?: Bilingual;
  /** What is missing when it could not be checked. */
  missing: Bilingual;
}

const PCT = { decimals: 2, rounding: 'halfUp', trimZeros: true } as const;

function pct(share: number): Bilingual {
  return bi(formatPercent(share, PCT, 'vi'), formatPercent(share, PCT, 'en'));
}

function num(n: number): Bilingual {
  return bi(formatDecimal(n, 'vi'), formatDecimal(n, 'en'));
}

function share(part: number | undefined, total: number | undefined): number | undefined {
  if (part === undefined || total === undefined || total <= 0) return undefined;
  return part / total;
}

function atLeast(value: number | undefined, min: number, what: Bilingual): ConditionCheck {
  const holds = value === undefined ? undefined : value >= min - 1e-12;
  const check: ConditionCheck = { holds, missing: missingFigures(what) };
  if (holds === false) {
    const v = pct(value!);
    const m = pct(min);
    check.failure = bi(
      `chỉ ${v.vi} ${what.vi} (cần ≥ ${m.vi})`,
      `only ${v.en} of ${what.en} (needs ≥ ${m.en})`,
    );
  }
  return check;
}

function atMost(value: number | undefined, max: number, what: Bilingual): ConditionCheck {
  const holds = value === undefined ? undefined : value <= max + 1e-12;
  const check: ConditionCheck = { holds, missing: missingFigures(what) };
  if (holds === false) {
    const v = pct(value!);
    const m = pct(max);
    check.failure = bi(`${v.vi} ${what.vi} (tối đa ${m.vi})`, `${v.en} of ${what.en} (at most ${m.en})`);
  }
  return check;
}

function missingFigures(what: Bilingual): Bilingual {
  return bi(`không có số liệu ${what.vi}`, `no figures for ${what.en}`);
}

/** The conditions a level needs, given the task figures. */
function conditionsFor(level: RatingCode, input: RatingInput, model: RatingModel): ConditionCheck[] {
  const total = input.tasksTotal;
  const onTime = share(input.tasksOnTime, total);
  const exceeded = share(input.tasksExceeded, total);
  const late = share(input.tasksLate, total);
  const doneCount =
    input.tasksUndone !== undefined && total !== undefined
      ? total - input.tasksUndone
      : input.tasksOnTime !== undefined && input.tasksLate !== undefined
        ? input.tasksOnTime + input.tasksLate
        : undefined;
  const done = share(doneCount, total);
  switch (level) {
    case 'HTXSNV': {
      const c = model.excellent;
      const leaders = input.disciplinedLeaders;
      return [
        atLeast(onTime, c.minOnTimeShare, bi('nhiệm vụ hoàn thành đúng hạn', 'tasks done on time')),
        atLeast(exceeded, c.minExceededShare, bi('nhiệm vụ vượt', 'tasks exceeded')),
        {
          holds: leaders === undefined ? undefined : leaders <= c.maxDisciplinedLeaders,
          ...(leaders !== undefined && leaders > c.maxDisciplinedLeaders
            ? {
                failure: bi(
                  `${leaders} cán bộ lãnh đạo bị kỷ luật (tối đa ${c.maxDisciplinedLeaders})`,
                  `${leaders} ${leaders === 1 ? 'member' : 'members'} of the leadership disciplined (at most ${c.maxDisciplinedLeaders})`,
                ),
              }
            : {}),
          missing: bi('không có số liệu cán bộ lãnh đạo bị kỷ luật', 'no figures for disciplined leaders'),
        },
      ];
    }
    case 'HTTNV':
      return [
        atLeast(onTime, model.good.minOnTimeShare, bi('nhiệm vụ hoàn thành đúng hạn', 'tasks done on time')),
      ];
    case 'HTNV':
      return [
        atLeast(done, model.completed.minDoneShare, bi('nhiệm vụ hoàn thành', 'tasks done')),
        atMost(late, model.completed.maxLateShare, bi('nhiệm vụ hoàn thành chậm', 'tasks done late')),
      ];
    case 'KHTNV':
      return [];
  }
}

/** The level the score reaches, from the model's bands (best first); below them all: KHTNV. */
export function scoreBand(score: number, model: RatingModel): { rating: RatingCode; minScore?: number } {
  // The highest band reached (the first listed among equal minimums), without sorting a copy
  // of the bands for every unit rated.
  let best: RatingModel['scoreBands'][number] | undefined;
  for (const band of model.scoreBands)
    if (score >= band.minScore && (best === undefined || band.minScore > best.minScore)) best = band;
  return best ? { rating: best.rating, minScore: best.minScore } : { rating: 'KHTNV' };
}

function lowestBandMin(model: RatingModel): number | undefined {
  const mins = model.scoreBands.map((b) => b.minScore);
  return mins.length ? Math.min(...mins) : undefined;
}

export function rateScore(input: RatingInput, model: RatingModel): RatingOutcome {
  const band = scoreBand(input.score, model);
  const score = num(input.score);
  let head: Bilingual;
  if (band.minScore !== undefined) {
    const name = LEVEL_NAMES[band.rating];
    const min = num(band.minScore);
    head = bi(
      `đạt ${score.vi} điểm (mức ${name.vi} ≥ ${min.vi})`,
      `scored ${score.en} (${name.en} level ≥ ${min.en})`,
    );
  } else {
    const low = lowestBandMin(model);
    const min = low === undefined ? undefined : num(low);
    head = bi(
      `đạt ${score.vi} điểm${min ? ` (dưới ${min.vi})` : ''}`,
      `scored ${score.en}${min ? ` (below ${min.en})` : ''}`,
    );
  }

  const unchecked: Bilingual[] = [];
  const failures: Bilingual[] = [];
  const scoreOnly = input.tasksTotal === undefined || input.tasksTotal <= 0;
  let rating: RatingCode = band.rating;
  if (!scoreOnly) {
    for (let rank = RATING_CODES.indexOf(band.rating); rank < RATING_CODES.length; rank++) {
      const level = RATING_CODES[rank]!;
      const checks = conditionsFor(level, input, model);
      for (const c of checks) if (c.holds === undefined) pushUnique(unchecked, c.missing);
      const failed = checks.filter((c) => c.holds === false);
      rating = level;
      if (failed.length === 0) break;
      const name = LEVEL_NAMES[level];
      failures.push(
        bi(
          `chưa đủ điều kiện mức ${name.vi}: ${failed.map((c) => c.failure!.vi).join(', ')}`,
          `${name.en} level not met: ${failed.map((c) => c.failure!.en).join(', ')}`,
        ),
      );
    }
  }

  const label = RATING_LABELS[rating];
  let vi = head.vi;
  let en = head.en;
  if (failures.length) {
    vi += ' nhưng ' + failures.map((f) => f.vi).join('; ');
    en += ' but ' + failures.map((f) => f.en).join('; ');
  }
  if (scoreOnly) {
    vi += '; không có số liệu nhiệm vụ nên xếp theo điểm';
    en += '; no task figures, so rated by score alone';
  } else if (unchecked.length) {
    vi += `; chưa kiểm tra được: ${unchecked.map((u) => u.vi).join(', ')}`;
    en += `; not checked: ${unchecked.map((u) => u.en).join(', ')}`;
  }
  vi += ` → ${label.vi}`;
  en += ` → ${label.en}`;
  return { rating, band: band.rating, reason: bi(vi, en), unchecked };
}

function pushUnique(list: Bilingual[], item: Bilingual): void {
  if (!list.some((x) => x.vi === item.vi)) list.push(item);
}
