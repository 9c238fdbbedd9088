import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { writeRollupSheets } from '../excel/rollup-sheet.ts';
import { serverMessage } from '../services/backend.ts';
import type { CheckRun } from '../services/check.ts';
import type { PaneEnv } from './env.ts';
import { S, t } from './strings.ts';

export function RollupPanel({ env, run }: { env: PaneEnv; run: CheckRun | undefined }) {
  const lang = env.lang;
  const [period, setPeriod] = useState(run?.report.period?.key ?? String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const user = env.backend?.currentUser();
  const [unitCode, setUnitCode] = useState('');
  const unit = unitCode.trim() || user?.unit;

  const pull = async () => {
    if (!env.backend || !unit) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await env.backend.rollup({ unit, period: period.trim() });
      await env.excelRun((ctx) => writeRollupSheets(ctx, result, env.caps));
      const c = result.rollup.completeness;
      setMessage({
        intent: 'success',
        text: t(S.rollup.written, lang, { submitted: c.submitted.length, expected: c.expected }),
      });
    } catch (e) {
      setMessage({ intent: 'error', text: `${t(S.rollup.failed, lang)}: ${serverMessage(e)[lang]}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {!user && <Text>{t(S.rollup.needSignIn, lang)}</Text>}
      <Field label={t(S.submit.unitCode, lang)} hint={t(S.submit.unitCodeHint, lang)}>
        <Input value={unitCode} placeholder={user?.unit ?? ''} onChange={(_, d) => setUnitCode(d.value)} />
      </Field>
      <Field label={t(S.rollup.period, lang)} hint={t(S.rollup.periodHint, lang)}>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      <Button
        appearance="primary"
        onClick={() => void pull()}
        disabled={busy || !user || !unit || !period.trim()}
        data-testid="pull-rollup"
      >
        {t(S.rollup.pull, lang)}
      </Button>
      <div aria-live="polite" role="status" data-testid="rollup-status">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
