/**
 * The pymemlab command's subcommands, one row each: the name, usage and one-line description that
 * `pymemlab --help` lists, and the module that declares the rest (arguments, options, action).
 * A module is loaded only when its command runs, so a command pays for its own dependencies and
 * no other's: `run` never initialises the graders, Handlebars, ajv or dagre. In the bundle
 * (bin/build.js) each module imported here is a chunk of its own, read only when it is imported.
 */
import type { Command } from 'commander';

/** Adds a command's arguments, options and action to the command bin/cli.ts made for it. */
export type DefineCommand = (command: Command) => void;

export interface CommandEntry {
  readonly name: string;
  /** Its options and arguments as `pymemlab --help` lists them (test/cli.test.ts checks them against the module's). */
  readonly usage: string;
  readonly description: string;
  readonly load: () => Promise<DefineCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    usage: '[options]',
    description: 'run the bundled teaching programs (examples/programs/*.py) on the simulator',
    load: async () => (await import('./demo-command')).defineDemo,
  },
  {
    name: 'run',
    usage: '[options] <file>',
    description:
      'run a Python program (the subset in docs/language.md) on the simulator; stdout is what python3 prints',
    load: async () => (await import('./run-command')).defineRun,
  },
  {
    name: 'fidelity',
    usage: '[options]',
    description:
      'run random Python programs on CPython 3.11 and on the simulator and compare their output; the first disagreement is shrunk to a minimal program',
    load: async () => (await import('./fidelity-command')).defineFidelity,
  },
  {
    name: 'corpus',
    usage: '[options] [dir]',
    description:
      'run the corpus of real teaching programs (test/corpus/teaching) on the simulator and compare with CPython 3.11 as recorded',
    load: async () => (await import('./cmd-corpus')).defineCorpus,
  },
  {
    name: 'grade',
    usage: '[options] <globs...>',
    description: 'grade a class of submissions in isolation and write reports (docs/grading.md)',
    load: async () => (await import('./grade-command')).defineGrade,
  },
  {
    name: 'merge',
    usage: '[options] <dirs...>',
    description: 'merge the output folders of `grade --shard` runs into one, identical to an unsharded run',
    load: async () => (await import('./grade-command')).defineMerge,
  },
  {
    name: 'gradescope',
    usage: '[options]',
    description: "Gradescope's run_autograder: grade one submission, write Gradescope's results.json",
    load: async () => (await import('./grade-command')).defineGradescope,
  },
  {
    name: 'init',
    usage: '<dir>',
    description: 'make a student workspace in DIR: every exercise with its README and starter',
    load: async () => (await import('./exercise-commands')).defineInit,
  },
  {
    name: 'list',
    usage: '',
    description: 'the exercises with done / failing / not started, and progress',
    load: async () => (await import('./exercise-commands')).defineList,
  },
  {
    name: 'check',
    usage: '[options] [exercise]',
    description: "run an exercise's checks on your code (the current exercise by default)",
    load: async () => (await import('./exercise-commands')).defineCheck,
  },
  {
    name: 'watch',
    usage: '',
    description: 're-check the current exercise on every save; keys: h hint, l list, q quit',
    load: async () => (await import('./exercise-commands')).defineWatch,
  },
  {
    name: 'hint',
    usage: '[exercise]',
    description: "show the exercise's next hint",
    load: async () => (await import('./exercise-commands')).defineHint,
  },
  {
    name: 'scenario',
    usage: '[options] <files...>',
    description: 'run heap-operation scenario files, showing refcounts, generations and collections after each step',
    load: async () => (await import('./scenario-command')).defineScenario,
  },
];

/** The command a command line names, as `pymemlab NAME ...` or `pymemlab help NAME`, if any. */
export function namedCommand(args: readonly string[]): CommandEntry | undefined {
  const name = args[0] === 'help' ? args[1] : args[0];
  return COMMANDS.find((entry) => entry.name === name);
}

/** A command as `pymemlab --help` lists it, `run [options] <file>`, from the table: its module is not loaded. */
export function commandTerm(name: string): string | undefined {
  const entry = COMMANDS.find((e) => e.name === name);
  return entry === undefined ? undefined : [entry.name, entry.usage].filter((part) => part !== '').join(' ');
}
