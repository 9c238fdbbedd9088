/** Every text a user sees exists in Vietnamese first and English second. */
export interface Bilingual {
  vi: string;
  en: string;
}

export type Lang = 'vi' | 'en';

export function bi(vi: string, en: string): Bilingual {
  return { vi, en };
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
