/**
 * The default rulebook, built from DOMAIN.md. Each number names its basis; a province's own
 * guidance replaces this through a rulebook version stored centrally.
 */
import { bi } from '../i18n.ts';
import { rulebookSchema, type Rulebook, type RulebookInput } from './schema.ts';
import { DEFAULT_TARGETS } from './default-targets.ts';

const input: RulebookInput = {
  id: 'vn-default',
  version: '2025.1',
  name: bi(
    'Bộ quy tắc mặc định (Quy định 366-QĐ/TW năm 2025, Điều lệ Đảng, NQ 02-NQ/TU Sơn La)',
    'Default rulebook (Regulation 366-QĐ/TW of 2025, Party Statute, Sơn La Resolution 02-NQ/TU)',
  ),
  effective: { fromYear: 2025 },
  thresholds: {
    committeeMinOfficialMembers: 9,
    fewMembersWarning: 9,
    fewMembersSevere: 5,
    minOfficialMembers: 3,
    regularMeetingsPerYear: 12,
    thematicMeetingsPerQuarter: 1,
    yearsWithoutAdmission: 2,
    jumpShare: 0.2,
    jumpMinAbsolute: 3,
    maxScore: 100,
    minAdmissionAge: 18,
  },
  rating: {
    maxScore: 100,
    scoreBands: [
      { rating: 'HTXSNV', minScore: 90 },
      { rating: 'HTTNV', minScore: 70 },
      { rating: 'HTNV', minScore: 50 },
    ],
    excellent: { minOnTimeShare: 1, minExceededShare: 0.3, maxDisciplinedLeaders: 0 },
    good: { minOnTimeShare: 1 },
    completed: { minDoneShare: 1, maxLateShare: 0.2 },
    excellentQuota: {
      enabled: true,
      maxShareOfGood: 0.2,
      basis: bi(
        'Quy định 124-QĐ/TW năm 2023: số HTXSNV không vượt quá 20% số HTTNV',
        'Regulation 124-QĐ/TW of 2023: excellent at most 20% of good',
      ),
    },
    basis: bi(
      'Quy định 366-QĐ/TW năm 2025 (thang 100 điểm: ≥90 xuất sắc, 70–<90 tốt, 50–<70 hoàn thành)',
      'Regulation 366-QĐ/TW of 2025 (100-point scale: ≥90 excellent, 70–<90 good, 50–<70 completed)',
    ),
  },
  targets: DEFAULT_TARGETS,
  display: { percentDecimals: 2, rounding: 'halfUp' },
};

export const DEFAULT_RULEBOOK: Rulebook = rulebookSchema.parse(input);
