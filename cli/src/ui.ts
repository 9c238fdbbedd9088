/** Terminal conventions: language, counts, a progress bar that only a person at a terminal sees. */
import type { Bilingual, Lang } from '@kiemtra/shared';

export interface Ui {
  lang: Lang;
  t(text: Bilingual): string;
  /** 1922 → "1.922" (vi) or "1,922" (en). */
  n(value: number): string;
  out(line: string): void;
  err(line: string): void;
}

export function makeUi(lang: Lang, write = (s: string) => process.stdout.write(s)): Ui {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  return {
    lang,
    t: (text) => text[lang],
    n: (value) => value.toLocaleString(locale, { maximumFractionDigits: 2 }),
    out: (line) => {
      progress.clear();
      write(line + '\n');
    },
    err: (line) => {
      progress.clear();
      process.stderr.write(line + '\n');
    },
  };
}

/** A one-line bar on stderr, drawn only when both outputs are terminals. */
class Progress {
  private shown = false;
  private active = false;
  private total = 0;

  start(total: number, enabled: boolean): void {
    this.total = total;
    this.active = enabled && total > 1 && Boolean(process.stderr.isTTY) && Boolean(process.stdout.isTTY);
  }

  tick(done: number, label: string): void {
    if (!this.active) return;
    const width = 24;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const cols = process.stderr.columns ?? 80;
    const line = `[${bar}] ${done}/${this.total} ${label}`.slice(0, cols - 1);
    process.stderr.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    process.stderr.write('\r\x1b[K');
    this.shown = false;
  }

  stop(): void {
    this.clear();
    this.active = false;
  }
}

export const progress = new Progress();
