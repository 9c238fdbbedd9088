/** The command line's entry point once built (cli/scripts/build.mjs → dist/run.js). */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
