import { Badge, Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '@kiemtra/shared';
import { useMemo, useRef, useState } from 'react';
import { saveJustification, selectCell } from '../excel/justifications.ts';
import type { CheckRun } from '../services/check.ts';
import type { PaneEnv } from './env.ts';
import { S, t } from './strings.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  issue: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    height: 'auto',
    minWidth: 0,
    whiteSpace: 'normal',
    wordBreak: 'break-word',
    fontWeight: tokens.fontWeightRegular,
  },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  h: { margin: `${tokens.spacingVerticalS} 0 0` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function issueKey(i: Pick<Issue, 'ruleId' | 'sheet' | 'cell'>): string {
  return `${i.ruleId}|${i.sheet}|${i.cell}`;
}

export function IssuesPanel({
  env,
  run,
  justified,
  onJustified,
}: {
  env: PaneEnv;
  run: CheckRun | undefined;
  justified: Set<string>;
  onJustified: (key: string) => void;
}) {
  const styles = useStyles();
  const lang = env.lang;
  const issues = run?.report.issues ?? [];
  const [current, setCurrent] = useState(-1);
  const [editing, setEditing] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const buttons = useRef(new Map<number, HTMLButtonElement>());

  // Grouped by severity, then sheet; the flat order is the order of "next issue".
  const groups = useMemo(() => {
    const out: {
      severity: Severity;
      sheets: { sheet: string; items: { issue: Issue; index: number }[] }[];
    }[] = [];
    let index = 0;
    for (const severity of SEVERITIES) {
      const sheets = new Map<string, { issue: Issue; index: number }[]>();
      for (const issue of issues.filter((i) => i.severity === severity)) {
        const list = sheets.get(issue.sheet) ?? [];
        list.push({ issue, index: 0 });
        sheets.set(issue.sheet, list);
      }
      const ordered = [...sheets.entries()].map(([sheet, items]) => ({
        sheet,
        items: items.map((x) => ({ ...x, index: index++ })),
      }));
      if (ordered.length) out.push({ severity, sheets: ordered });
    }
    return out;
  }, [issues]);
  const flat = useMemo(() => groups.flatMap((g) => g.sheets.flatMap((s) => s.items)), [groups]);

  if (!run) return <Text>{t(S.issues.none, lang)}</Text>;

  const isJustified = (i: Issue) => i.justified || justified.has(issueKey(i));
  const go = async (index: number) => {
    const item = flat[index];
    if (!item) return;
    setCurrent(index);
    buttons.current.get(index)?.focus();
    await env.excelRun((ctx) => selectCell(ctx, item.issue.sheet, item.issue.cell));
  };
  const next = () => {
    for (let k = 1; k <= flat.length; k++) {
      const index = (current + k) % flat.length;
      if (!isJustified(flat[index]!.issue)) return void go(index);
    }
  };
  const save = async (issue: Issue) => {
    const value = text.trim();
    if (!value) return;
    await env.excelRun((ctx) =>
      saveJustification(ctx, { ruleId: issue.ruleId, sheet: issue.sheet, cell: issue.cell, text: value }),
    );
    onJustified(issueKey(issue));
    setSaved(issueKey(issue));
    setEditing(undefined);
    setText('');
  };

  return (
    <>
      <div className={styles.row}>
        <Button onClick={next} disabled={flat.length === 0} data-testid="next-issue">
          {t(S.issues.next, lang)}
        </Button>
        <Text>{t(S.check.totals, lang, run.report.totals)}</Text>
      </div>
      {flat.length === 0 && <Text>{t(S.check.noIssues, lang)}</Text>}
      <div aria-live="polite" role="status">
        {saved && <Text>{t(S.issues.saved, lang)}</Text>}
      </div>
      <nav aria-label={t(S.issues.list, lang)}>
        {groups.map((g) => (
          <section key={g.severity} aria-labelledby={`sev-${g.severity}`}>
            <Text as="h2" size={400} weight="semibold" id={`sev-${g.severity}`} className={styles.h}>
              {t(S.issues.severity[g.severity], lang)} ({g.sheets.reduce((n, s) => n + s.items.length, 0)})
            </Text>
            {g.sheets.map((s) => (
              <section key={s.sheet} aria-label={`${t(S.issues.severity[g.severity], lang)} — ${s.sheet}`}>
                <Text as="h3" size={300} weight="semibold" className={styles.h}>
                  {s.sheet}
                </Text>
                <ul className={styles.list}>
                  {s.items.map(({ issue, index }) => {
                    const key = issueKey(issue);
                    const done = isJustified(issue);
                    return (
                      <li key={`${key}|${index}`} className={styles.item} data-testid="issue">
                        <Button
                          appearance="subtle"
                          className={`${styles.issue} ${index === current ? styles.current : ''}`}
                          ref={(el) => {
                            if (el) buttons.current.set(index, el as HTMLButtonElement);
                          }}
                          onClick={() => void go(index)}
                          aria-label={`${t(S.issues.goTo, lang, { cell: issue.cell })}: ${issue.message[lang]}${done ? ` (${t(S.issues.justified, lang)})` : ''}`}
                          aria-current={index === current ? 'true' : undefined}
                        >
                          <span>
                            <Badge color={COLOR[issue.severity]} appearance="tint" size="small">
                              {issue.cell}
                            </Badge>{' '}
                            {issue.message[lang]}
                          </span>
                        </Button>
                        <div className={styles.row}>
                          {done ? (
                            <Badge color="success" appearance="tint" data-testid="justified">
                              {t(S.issues.justified, lang)}
                            </Badge>
                          ) : (
                            <Button
                              size="small"
                              appearance="transparent"
                              onClick={() => setEditing(editing === key ? undefined : key)}
                              aria-expanded={editing === key}
                            >
                              {t(S.issues.justify, lang)}
                            </Button>
                          )}
                        </div>
                        {editing === key && (
                          <div className={styles.item}>
                            <Field
                              label={t(S.issues.justifyLabel, lang, { cell: `${issue.sheet}!${issue.cell}` })}
                            >
                              <Textarea
                                value={text}
                                onChange={(_, d) => setText(d.value)}
                                resize="vertical"
                              />
                            </Field>
                            <Button
                              size="small"
                              appearance="primary"
                              onClick={() => void save(issue)}
                              disabled={!text.trim()}
                            >
                              {t(S.issues.save, lang)}
                            </Button>
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </section>
        ))}
      </nav>
    </>
  );
}
