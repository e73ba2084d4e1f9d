/**
 * `node bin/run-ts.js test/support/reference-seeds.ts [--seeds 25]`: the reference components pass
 * every check at its full run count on many seeds (kept out of the Jest suite: about a minute).
 */
import { Command } from 'commander';
import { CHECKS } from '../../core/checks';
import { runCheck } from '../../core/checks/run-check';

async function main(argv: string[]): Promise<void> {
  const opts = new Command().option('--seeds <n>', 'how many seeds (1..n)', '25').parse(argv).opts<{ seeds: string }>();
  const seeds = Number(opts.seeds);
  if (!Number.isInteger(seeds) || seeds < 1) {
    console.error(`reference-seeds: --seeds expects a whole number of at least 1, got "${opts.seeds}"`);
    process.exit(2);
  }
  let failures = 0;
  for (const check of Object.values(CHECKS)) {
    for (let seed = 1; seed <= seeds; seed++) {
      const result = await runCheck(check, {}, { seed });
      if (result.status !== 'pass') {
        failures++;
        console.log(
          `${check.name} seed ${seed}: ${result.status} ${result.failure?.reason}: ${result.failure?.message}`,
        );
      }
    }
    console.log(`${check.name}: ${seeds} seeds done`);
  }
  console.log(failures === 0 ? 'the reference passes every check on every seed' : `${failures} failures`);
  if (failures > 0) process.exitCode = 1;
}

main(process.argv).catch((error: unknown) => {
  console.error(`reference-seeds: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
