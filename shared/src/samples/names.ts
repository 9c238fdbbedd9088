/**
 * Place and person names for samples. Places are real-sounding hamlet (bản) and commune
 * names of the north-western mountains; people are fictional combinations.
 */
import type { Random } from './random.ts';

export const FAMILY_NAMES = [
  'Lò',
  'Quàng',
  'Lường',
  'Cà',
  'Tòng',
  'Hoàng',
  'Vì',
  'Mùa',
  'Giàng',
  'Sùng',
  'Thào',
  'Lý',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Bạc',
  'Điêu',
  'Vừ',
  'Hà',
] as const;

const MALE_GIVEN = [
  'Văn Tiến',
  'Văn Hùng',
  'Văn Sơn',
  'Văn Pánh',
  'Văn Chung',
  'A Dua',
  'A Sinh',
  'Văn Thắng',
  'Văn Dũng',
  'Văn Hải',
  'Minh Đức',
  'Văn Quân',
  'Xuân Bình',
  'Văn Khánh',
  'Đức Tuấn',
  'A Lử',
  'Văn Lả',
  'Văn Phong',
];
const FEMALE_GIVEN = [
  'Thị Hoa',
  'Thị Lan',
  'Thị Mai',
  'Thị Hương',
  'Thị Xuân',
  'Thị Thanh',
  'Thị Dua',
  'Thị Pằng',
  'Thị Nhất',
  'Thị Bích',
  'Thị Ngọc',
  'Thị Sinh',
];

export function personName(rng: Random): string {
  const family = rng.pick(FAMILY_NAMES);
  const given = rng.chance(0.6) ? rng.pick(MALE_GIVEN) : rng.pick(FEMALE_GIVEN);
  return `${family} ${given}`;
}

const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Xuân', 'Quang', 'Hữu', 'Thanh', 'Công', 'Ngọc', 'A'];
const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Bích'];
const GIVEN = [
  'An',
  'Bình',
  'Chung',
  'Cường',
  'Dua',
  'Dũng',
  'Duy',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hòa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lả',
  'Lan',
  'Lâm',
  'Linh',
  'Long',
  'Lử',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngọc',
  'Nhất',
  'Pánh',
  'Pằng',
  'Phong',
  'Phúc',
  'Quân',
  'Quang',
  'Sinh',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thành',
  'Thảo',
  'Thu',
  'Tiến',
  'Trung',
  'Tú',
  'Tuấn',
  'Vân',
  'Việt',
];

/**
 * A name as varied as a province's member list (tens of thousands of different names among
 * 100,000 members), for the province sample: the smaller samples repeat a few hundred names.
 */
export function variedPersonName(rng: Random): string {
  const family = rng.pick(FAMILY_NAMES);
  const middle = rng.chance(0.6) ? rng.pick(MALE_MIDDLE) : rng.pick(FEMALE_MIDDLE);
  const given = rng.chance(0.3) ? `${rng.pick(GIVEN)} ${rng.pick(GIVEN)}` : rng.pick(GIVEN);
  return `${family} ${middle} ${given}`;
}

/** Hamlet names (bản). */
export const HAMLET_NAMES = [
  'Nặm Bao',
  'Pò Cại',
  'Nà Mò',
  'Hua Lạnh',
  'Huổi Khăng',
  'Nà Khi',
  'Co Lóng',
  'Huổi Hưa',
  'Nà Ngần',
  'Pá Khôm',
  'Nà Lốc',
  'Phiêng Xa',
  'Huổi Mới',
  'Nặm Khún',
  'Ten Cá',
  'Tân Lập',
  'Lả Mường',
  'Hua Mường',
  'Nà Vạc',
  'Co Mạ',
  'Hin Pẻn',
  'Nà Sài',
  'Púng Pẩu',
  'Huổi Lốt',
  'Nà Hạ',
  'Pha Khuông',
  'Kéo Hài',
  'Pá Lầu',
  'Nậm Ún',
  'Bó Ướt',
  'Huổi Pát',
  'Nà Dạ',
  'Phiêng Pằn',
  'Co Tòng',
  'Nong Lay',
  'Pá Bông',
  'Huổi Cọ',
  'Nà Khoang',
  'Mường Và',
  'Lạnh Bông',
] as const;

/** Commune names (xã). The first eight are Sốp Cộp's communes. */
export const COMMUNE_NAMES = [
  'Nậm Lạnh',
  'Mường Lèo',
  'Mường Và',
  'Sốp Cộp',
  'Dồm Cang',
  'Púng Bánh',
  'Mường Lạn',
  'Sam Kha',
  'Chiềng Khoong',
  'Mường Cai',
  'Yên Hưng',
  'Nà Nghịu',
  'Chiềng Sơ',
  'Mường Sại',
  'Phiêng Khoài',
  'Tà Hộc',
  'Chiềng Lương',
  'Tân Mỹ',
  'Gia Miễn',
  'Thụy Hùng',
  'Hoàng Văn Thụ',
  'Thành Hòa',
  'Nam La',
  'Bản Lầm',
] as const;

/** District names (huyện) for the province-sized sample. */
export const DISTRICT_NAMES = [
  'Sốp Cộp',
  'Sông Mã',
  'Thuận Châu',
  'Quỳnh Nhai',
  'Mường La',
  'Bắc Yên',
  'Phù Yên',
  'Mộc Châu',
  'Vân Hồ',
  'Yên Châu',
  'Mai Sơn',
  'Sông Mã Hạ',
  'Văn Lãng',
  'Tràng Định',
  'Bình Gia',
  'Đình Lập',
  'Lộc Bình',
  'Cao Lộc',
  'Bát Xát',
  'Mường Khương',
] as const;

/** "nậm lạnh" → "NẬM LẠNH" (toUpperCase keeps the diacritics). */
export function upper(s: string): string {
  return s.toUpperCase();
}
