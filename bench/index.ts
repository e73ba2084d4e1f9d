/**
 * `npm run bench [-- --json] [-- --sizes 100000,1000000] [-- --python python3] [-- --grading-only]
 *  [-- --class 30]`
 *
 * Every figure is measured in this run, the simulator next to the real CPython (python3) on the
 * same work. Prints a table, or one JSON document with --json.
 */
import { Command } from 'commander';
import { benchGcFullCollect } from './gc';
import { benchPymalloc } from './pymalloc';
import { benchStartup } from './startup';
import { benchExercises } from './exercises';
import { benchGrading } from './grading';
import { benchClass } from './class';

async function main(argv: string[]): Promise<void> {
  const program = new Command('bench')
    .description('Benchmark the simulator against CPython in the same run')
    .option('--json', 'print one JSON document')
    .option('--sizes <list>', 'heap sizes for gc_full_collect, comma-separated', '100000,1000000')
    .option('--python <path>', 'the CPython 3.11 interpreter to compare with', 'python3')
    .option('--grading-only', 'measure grading alone (the grading figures of --json)')
    .option('--class <n>', 'measure grading a class of n sample submissions alone, as `pymemlab grade` does')
    .parse(argv);
  const opts = program.opts<{
    json?: boolean;
    sizes: string;
    python: string;
    gradingOnly?: boolean;
    class?: string;
  }>();
  if (opts.class !== undefined) {
    const size = Number(opts.class);
    if (!Number.isInteger(size) || size < 1) {
      console.error(`bench: --class expects a whole number of submissions of at least 1, got "${opts.class}"`);
      process.exit(2);
    }
    const gradingClass = await benchClass(size);
    if (opts.json)
      process.stdout.write(JSON.stringify({ node: process.version, grading_class: gradingClass }, null, 2) + '\n');
    else console.log('grading a class (target: 5 s per submission)', gradingClass);
    return;
  }
  if (opts.gradingOnly) {
    const grading = await benchGrading();
    if (opts.json) process.stdout.write(JSON.stringify({ node: process.version, grading }, null, 2) + '\n');
    else console.log('grading: seconds per submission, isolated / in-process (targets <= 5 s, <= 1.25)', grading);
    return;
  }
  const sizes = opts.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    console.error(`bench: --sizes expects whole numbers of at least 2, got "${opts.sizes}"`);
    process.exit(2);
  }
  const gcFigures = benchGcFullCollect(sizes, opts.python);
  const pymalloc = await benchPymalloc();
  const cli = benchStartup(opts.python);
  const doc = {
    node: process.version,
    cli,
    gc_full_collect: gcFigures,
    pymalloc,
    exercises: benchExercises(),
    grading: await benchGrading(),
  };
  if (opts.json) {
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return;
  }
  console.log(
    `cli start-up (median / fastest of ${cli.runs}): pymemlab run empty.py ${cli.startup_seconds.toFixed(3)} / ${cli.startup_min_seconds.toFixed(3)} s, python3 -c pass ${cli.python_c_pass_seconds.toFixed(3)} / ${cli.python_c_pass_min_seconds.toFixed(3)} s (target < 0.2 s)`,
  );
  console.log('exercises: seconds of `pymemlab check EXERCISE` on the correct submission (target < 3)', doc.exercises);
  console.log('grading: seconds per submission, isolated / in-process (targets <= 5 s, <= 1.25)', doc.grading);
  console.log('gc_full_collect (ns per object; ratio = simulator / CPython)');
  console.table(gcFigures);
  console.log(
    `pymalloc: ${Math.round(pymalloc.pairs_per_second).toLocaleString('en-US')} malloc+free pairs/s on ${pymalloc.ops.toLocaleString('en-US')} ops`,
  );
  if (pymalloc.cpython)
    console.log(
      `CPython pymalloc (ctypes, net of call overhead): ${Math.round(pymalloc.cpython.pairs_per_second_net).toLocaleString('en-US')} pairs/s`,
    );
}

main(process.argv).catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
