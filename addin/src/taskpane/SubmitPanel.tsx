import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { SignedInUser } from '../services/backend.ts';
import { serverMessage } from '../services/backend.ts';
import type { CheckRun } from '../services/check.ts';
import type { SubmitOutcome } from '../services/submit.ts';
import { retryPending, submitReport } from '../services/submit.ts';
import type { PaneEnv } from './env.ts';
import { S, t } from './strings.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export function SubmitPanel({ env, run }: { env: PaneEnv; run: CheckRun | undefined }) {
  const styles = useStyles();
  const lang = env.lang;
  const backend = env.backend;
  const [user, setUser] = useState<SignedInUser | null>(backend?.currentUser() ?? null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<
    { intent: 'success' | 'warning' | 'error'; text: string } | undefined
  >();
  const [waiting, setWaiting] = useState(0);
  const [unitCode, setUnitCode] = useState('');
  const unit = unitCode.trim() || user?.unit;

  const refreshWaiting = useCallback(
    async () => setWaiting((await env.pending.list()).length),
    [env.pending],
  );
  const describe = useCallback(
    (o: SubmitOutcome, period: string) => {
      if (o.status === 'sent') {
        const text =
          o.result.status === 'unchanged'
            ? t(S.submit.unchanged, lang)
            : t(S.submit.sent, lang, { seq: o.result.version.seq, period });
        setMessage({ intent: 'success', text });
      } else if (o.status === 'pending') setMessage({ intent: 'warning', text: t(S.submit.pending, lang) });
      else setMessage({ intent: 'error', text: `${t(S.submit.refused, lang)}: ${o.message[lang]}` });
    },
    [lang],
  );
  const retry = useCallback(async () => {
    if (!backend?.currentUser()) return;
    const results = await retryPending(backend, env.pending);
    const last = results[results.length - 1];
    if (last) describe(last.outcome, last.id.split('|')[1] ?? '');
    await refreshWaiting();
  }, [backend, env.pending, describe, refreshWaiting]);

  useEffect(() => {
    void backend?.ready().then((u) => {
      setUser(u);
      if (u) void retry();
    });
    void refreshWaiting().catch(() => undefined);
    const onOnline = () => void retry();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [backend, retry, refreshWaiting]);

  if (!backend) return <Text>{t(S.rollup.needSignIn, lang)}</Text>;

  const signIn = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      setUser(await backend.signIn(email.trim(), password));
      setPassword('');
      void retry();
    } catch (err) {
      setMessage({ intent: 'error', text: `${t(S.submit.signInFailed, lang)}: ${serverMessage(err)[lang]}` });
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!run || !unit || !run.report.period) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const period = run.report.period.key;
      describe(await submitReport(backend, env.pending, { unit, period, data: run.data }), period);
    } catch (e) {
      setMessage({ intent: 'error', text: `${t(S.submit.refused, lang)}: ${serverMessage(e)[lang]}` });
    } finally {
      await refreshWaiting();
      setBusy(false);
    }
  };

  const blocker = !run
    ? S.submit.needCheck
    : !user?.unit
      ? S.submit.needUnit
      : !run.report.period
        ? S.submit.needPeriod
        : undefined;

  return (
    <>
      {!user ? (
        <form className={styles.form} onSubmit={(e) => void signIn(e)} aria-labelledby="signin-title">
          <Text as="h2" size={400} weight="semibold" id="signin-title">
            {t(S.submit.signInTitle, lang)}
          </Text>
          <Field label={t(S.submit.email, lang)} required>
            <Input
              type="email"
              autoComplete="username"
              value={email}
              onChange={(_, d) => setEmail(d.value)}
            />
          </Field>
          <Field label={t(S.submit.password, lang)} required>
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
            />
          </Field>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || !email || !password}
            data-testid="sign-in"
          >
            {t(S.submit.signIn, lang)}
          </Button>
        </form>
      ) : (
        <div className={styles.form}>
          <Text data-testid="signed-in">{t(S.submit.signedInAs, lang, { email: user.email })}</Text>
          {user.unit && <Text>{t(S.submit.unit, lang, { unit: user.unit })}</Text>}
          <Field label={t(S.submit.unitCode, lang)} hint={t(S.submit.unitCodeHint, lang)}>
            <Input value={unitCode} placeholder={user.unit ?? ''} onChange={(_, d) => setUnitCode(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => void send()}
              disabled={busy || blocker !== undefined}
              data-testid="submit-report"
            >
              {t(S.submit.send, lang)}
            </Button>
            <Button onClick={() => void backend.signOut().then(() => setUser(null))}>
              {t(S.submit.signOut, lang)}
            </Button>
          </div>
          {blocker && <Text>{t(blocker, lang)}</Text>}
        </div>
      )}
      <div aria-live="polite" role="status" data-testid="submit-status">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {waiting > 0 && (
          <div className={styles.row}>
            <Text data-testid="pending-count">{t(S.submit.waiting, lang, { n: waiting })}</Text>
            {user && (
              <Button size="small" onClick={() => void retry()}>
                {t(S.submit.retry, lang)}
              </Button>
            )}
          </div>
        )}
      </div>
    </>
  );
}
