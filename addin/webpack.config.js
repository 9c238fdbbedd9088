/**
 * Builds the task pane into addin/dist (or KIEMTRA_ADDIN_OUT): taskpane.html + bundle, icons,
 * help page, and manifest.xml with its URLs rewritten for KIEMTRA_ADDIN_URL when set
 * (production), or left at https://localhost:3000 (development).
 *
 * Backend settings come from the environment at build time:
 *   KIEMTRA_FIREBASE_PROJECT (default demo-kiemtra), KIEMTRA_FIREBASE_API_KEY,
 *   KIEMTRA_FIREBASE_AUTH_DOMAIN, KIEMTRA_FIREBASE_APP_ID, KIEMTRA_REGION (asia-southeast1),
 *   KIEMTRA_EMULATORS=1|0 (default: on in development), KIEMTRA_EMULATOR_HOST, KIEMTRA_AUTH_PORT
 *   and KIEMTRA_FUNCTIONS_PORT (defaults from the repository's firebase.json),
 *   KIEMTRA_NO_BACKEND=1 to build a pane that only checks locally.
 */
import { existsSync, readFileSync } from 'node:fs';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const here = dirname(fileURLToPath(import.meta.url));
const DEV_URL = 'https://localhost:3000';

/** Emulator ports from the repository's firebase.json, so `npm run stack` and the pane agree. */
function emulatorDefaults() {
  const file = resolve(here, '..', 'firebase.json');
  const e = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).emulators ?? {}) : {};
  return {
    host: e.auth?.host ?? '127.0.0.1',
    auth: e.auth?.port ?? 9099,
    functions: e.functions?.port ?? 5001,
  };
}

export function backendConfig(mode, env = process.env) {
  if (env.KIEMTRA_NO_BACKEND === '1') return null;
  const projectId = env.KIEMTRA_FIREBASE_PROJECT || 'demo-kiemtra';
  const emulators = env.KIEMTRA_EMULATORS ? env.KIEMTRA_EMULATORS === '1' : mode !== 'production';
  const defaults = emulatorDefaults();
  const host = env.KIEMTRA_EMULATOR_HOST || defaults.host;
  return {
    firebase: {
      apiKey: env.KIEMTRA_FIREBASE_API_KEY || 'demo-api-key',
      authDomain: env.KIEMTRA_FIREBASE_AUTH_DOMAIN || `${projectId}.firebaseapp.com`,
      projectId,
      ...(env.KIEMTRA_FIREBASE_APP_ID ? { appId: env.KIEMTRA_FIREBASE_APP_ID } : {}),
    },
    region: env.KIEMTRA_REGION || 'asia-southeast1',
    ...(emulators
      ? {
          emulators: {
            auth: `http://${host}:${env.KIEMTRA_AUTH_PORT || defaults.auth}`,
            functionsHost: host,
            functionsPort: Number(env.KIEMTRA_FUNCTIONS_PORT || defaults.functions),
          },
        }
      : {}),
  };
}

/** manifest.xml for a base URL: every development URL replaced. */
export function manifestFor(xml, baseUrl) {
  if (!baseUrl) return xml;
  const base = baseUrl.replace(/\/+$/, '');
  return xml.split(DEV_URL).join(base);
}

export default async (_env, argv) => {
  const mode = argv.mode || 'development';
  const out = process.env.KIEMTRA_ADDIN_OUT ? resolve(process.env.KIEMTRA_ADDIN_OUT) : resolve(here, 'dist');
  const baseUrl = process.env.KIEMTRA_ADDIN_URL;
  const config = {
    mode,
    context: here,
    devtool: mode === 'production' ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: out,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, loader: 'esbuild-loader', options: { target: 'es2022', jsx: 'automatic' } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __KIEMTRA_BACKEND__: JSON.stringify(backendConfig(mode)) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: '../manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
    },
  };
  if (argv.env?.WEBPACK_SERVE) {
    // office-addin-dev-certs installs a local CA the first time (needs sudo on Linux).
    const devCerts = await import('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
