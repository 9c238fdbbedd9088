/** The four quality ratings (xếp loại chất lượng), for organizations and members alike. */
import { bi, type Bilingual } from './i18n.ts';

export const RATING_CODES = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type RatingCode = (typeof RATING_CODES)[number];

export const RATING_LABELS: Record<RatingCode, Bilingual> = {
  HTXSNV: bi('Hoàn thành xuất sắc nhiệm vụ', 'Excellent'),
  HTTNV: bi('Hoàn thành tốt nhiệm vụ', 'Good'),
  HTNV: bi('Hoàn thành nhiệm vụ', 'Completed'),
  KHTNV: bi('Không hoàn thành nhiệm vụ', 'Not completed'),
};

/** 0 is best. */
export function ratingRank(code: RatingCode): number {
  return RATING_CODES.indexOf(code);
}

/** "HTT trở lên": good or better. */
export function isGoodOrBetter(code: RatingCode): boolean {
  return code === 'HTXSNV' || code === 'HTTNV';
}
