import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createEnv } from './env.ts';

function boot(): void {
  const env = createEnv();
  document.documentElement.lang = env.lang;
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App env={env} />
    </FluentProvider>,
  );
}

void Office.onReady(() => boot());
