import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { CancelledError } from '../excel/cancel.ts';
import type { CheckRun, CheckStage } from '../services/check.ts';
import { runCheck } from '../services/check.ts';
import type { PaneEnv } from './env.ts';
import { S, t } from './strings.ts';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

const STAGE_VALUE: Record<CheckStage, number> = {
  reading: 0.05,
  detecting: 0.45,
  checking: 0.6,
  writing: 0.8,
  done: 1,
};

export function CheckPanel({
  env,
  run,
  onRun,
}: {
  env: PaneEnv;
  run: CheckRun | undefined;
  onRun: (r: CheckRun) => void;
}) {
  const styles = useStyles();
  const lang = env.lang;
  const [stage, setStage] = useState<CheckStage | undefined>();
  const [rows, setRows] = useState<{ done: number; total: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const busy = stage !== undefined && stage !== 'done';

  const start = async () => {
    abort.current = new AbortController();
    setError(undefined);
    setCancelled(false);
    setRows(undefined);
    try {
      const result = await runCheck(
        { excelRun: env.excelRun, caps: env.caps, backend: env.backend, online: env.online },
        {
          signal: abort.current.signal,
          onStage: (s, detail) => {
            setStage(s);
            if (s === 'reading' && detail) setRows(detail);
          },
        },
      );
      onRun(result);
    } catch (e) {
      setStage(undefined);
      if (e instanceof CancelledError) setCancelled(true);
      else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const value =
    stage === 'reading' && rows && rows.total > 0
      ? 0.05 + 0.35 * (rows.done / rows.total)
      : stage
        ? STAGE_VALUE[stage]
        : 0;
  const stageText = stage
    ? t(S.check.stages[stage], lang) +
      (stage === 'reading' && rows ? ` — ${t(S.check.rowsRead, lang, rows)}` : '')
    : '';

  return (
    <>
      <Text>{t(S.check.runHint, lang)}</Text>
      {env.caps.reduced && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(S.check.reduced, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void start()} disabled={busy} data-testid="run-check">
          {t(S.check.run, lang)}
        </Button>
        {busy && (
          <Button onClick={() => abort.current?.abort()} data-testid="cancel-check">
            {t(S.check.cancel, lang)}
          </Button>
        )}
      </div>
      {stage && (
        <Field label={t(S.check.progress, lang)} validationMessage={stageText} validationState="none">
          <ProgressBar value={value} max={1} aria-valuetext={stageText} />
        </Field>
      )}
      <div aria-live="polite" role="status" data-testid="check-status">
        {cancelled && <Text>{t(S.check.cancelled, lang)}</Text>}
        {run && stage === 'done' && <RunSummary env={env} run={run} />}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t(S.check.failed, lang)}: {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function RunSummary({ env, run }: { env: PaneEnv; run: CheckRun }) {
  const styles = useStyles();
  const lang = env.lang;
  const r = run.report;
  const engine =
    run.engine.where === 'server'
      ? t(S.check.engineServer, lang)
      : `${t(S.check.engineLocal, lang)} (${t(S.check.reasons[run.engine.reason], lang)})`;
  return (
    <ul className={styles.facts} data-testid="run-summary">
      <li>
        <Text weight="semibold">{t(S.check.totals, lang, r.totals)}</Text>
      </li>
      <li>
        <Text>{t(S.check.tables, lang, { n: r.tables.length })}</Text>
      </li>
      {r.passed.length > 0 && (
        <li>
          <Text>{t(S.check.passed, lang, { n: r.passed.length })}</Text>
        </li>
      )}
      <li>
        <Text data-testid="engine-used">{engine}</Text>
      </li>
      <li>
        <Text data-testid="rulebook-version">
          {t(S.check.rulebook, lang)}: {r.rulebook.id} {r.rulebook.version}
        </Text>
      </li>
    </ul>
  );
}
