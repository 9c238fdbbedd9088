import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { CheckRun } from '../services/check.ts';
import { CheckPanel } from './CheckPanel.tsx';
import type { PaneEnv } from './env.ts';
import { IssuesPanel } from './IssuesPanel.tsx';
import { RollupPanel } from './RollupPanel.tsx';
import { S, t } from './strings.ts';
import { SubmitPanel } from './SubmitPanel.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box' },
  header: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0` },
  panel: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

type TabId = 'check' | 'issues' | 'submit' | 'rollup';

export function App({ env }: { env: PaneEnv }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('check');
  const [run, setRun] = useState<CheckRun | undefined>();
  const [justified, setJustified] = useState<Set<string>>(new Set());
  const lang = env.lang;
  const onRun = useCallback((r: CheckRun) => {
    setRun(r);
    setJustified(new Set());
  }, []);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={500}>
          {t(S.appTitle, lang)}
        </Text>
      </header>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label={t(S.tabsLabel, lang)}
        size="small"
      >
        {(['check', 'issues', 'submit', 'rollup'] as const).map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {t(S.tabs[id], lang)}
          </Tab>
        ))}
      </TabList>
      <section className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'check' && <CheckPanel env={env} run={run} onRun={onRun} />}
        {tab === 'issues' && (
          <IssuesPanel
            env={env}
            run={run}
            justified={justified}
            onJustified={(k) => setJustified((s) => new Set(s).add(k))}
          />
        )}
        {tab === 'submit' && <SubmitPanel env={env} run={run} />}
        {tab === 'rollup' && <RollupPanel env={env} run={run} />}
      </section>
    </main>
  );
}
