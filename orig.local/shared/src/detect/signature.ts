/**
 * The signature block under a printed table ("Người lập biểu", "T/M ĐẢNG ỦY", "BÍ THƯ",
 * "Nơi nhận", "…, ngày … tháng … năm …"): it ends the table.
 */
import { foldText } from '../text.ts';

const SIGNATURE_STARTS = [
  'nguoi lap bieu',
  'nguoi lap',
  'nguoi tong hop',
  't m ',
  'tm ',
  'thay mat',
  'bi thu',
  'pho bi thu',
  'noi nhan',
  'xac nhan',
  'thu truong',
  'ky ten',
  'ky ghi ro',
  'ky va ghi ro',
  'ky dong dau',
];

/** True for the text of a signature-block line, already folded. */
export function isSignatureFolded(folded: string): boolean {
  if (isDateLineFolded(folded)) return true;
  for (const s of SIGNATURE_STARTS) if (folded.startsWith(s) || folded === s.trim()) return true;
  return false;
}

export function isSignatureText(text: string): boolean {
  return isSignatureFolded(foldText(text));
}

/** "Nậm Lạnh, ngày 15 tháng 12 năm 2023" and its blank form "…, ngày … tháng … năm …". */
export function isDateLineFolded(folded: string): boolean {
  return /\bngay\b.*\bthang\b.*\bnam\b/.test(folded);
}
