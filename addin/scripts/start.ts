/**
 * `npm start`: serves the task pane at https://localhost:3000 (certificates from
 * office-addin-dev-certs) and, where Excel desktop exists (Windows, macOS), sideloads
 * manifest.xml into it with office-addin-debugging. On Linux there is no Excel desktop: the
 * server runs and the way to sideload into Excel on the web is printed (docs/addin.md).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const addin = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(addin, '..');
const manifest = join(root, 'manifest.xml');
const devServer = 'webpack-cli serve --mode development';

function run(cmd: string, args: string[]): void {
  const child = spawn(cmd, args, { cwd: addin, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  run('npx', [
    'office-addin-debugging',
    'start',
    manifest,
    'desktop',
    '--app',
    'excel',
    '--dev-server',
    devServer,
    '--dev-server-port',
    '3000',
  ]);
} else {
  console.log(
    [
      'Ngăn tác vụ: https://localhost:3000/taskpane.html — Excel trên web: Trang đầu › Phần bổ trợ › Thêm phần bổ trợ khác ›',
      `Tải lên phần bổ trợ của tôi › chọn ${manifest}. (Xem docs/addin.md.)`,
      'Task pane: https://localhost:3000/taskpane.html — Excel on the web: Home › Add-ins › More add-ins ›',
      `Upload My Add-in › choose ${manifest}. (See docs/addin.md.)`,
      'On Linux the first run installs a development certificate authority: it needs sudo.',
    ].join('\n'),
  );
  run('npx', devServer.split(' '));
}
