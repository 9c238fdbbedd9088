#!/usr/bin/env node
// Runs the bundled command line (dist/), rebuilt first when a source file is newer, so that
// `npx kiemtra` works right after `npm install` and always runs the code in the tree.
import { buildCli, DIST_ENTRY, isStale } from '../scripts/build.mjs';
import { pathToFileURL } from 'node:url';

if (isStale()) await buildCli();
await import(pathToFileURL(DIST_ENTRY).href);
