/**
 * The pymemlab command line. The subcommands are listed in bin/commands.ts; only the one a command
 * line names is loaded (start-up is what a student's check loop and a grader's children pay on
 * every run). Errors in the user's input end with a one-line message and a non-zero exit, never a
 * JavaScript stack trace.
 */
import { Command, Help } from 'commander';
import { COMMANDS, commandTerm, namedCommand } from './commands';
import { UsageError } from './usage-error';

/**
 * Every command is declared by name and description, its usage shown from the table (for `--help`
 * and commander's "unknown command" suggestions); the one named on the command line gets its
 * arguments, options and action.
 */
async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('pymemlab')
    .description(
      'Teach and grade how CPython 3.11 manages memory: a faithful simulator of its refcounting, cycle collector and pymalloc',
    )
    .showHelpAfterError()
    .configureHelp({ subcommandTerm: (command) => commandTerm(command.name()) ?? new Help().subcommandTerm(command) });
  const named = namedCommand(argv.slice(2));
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    if (entry === named) (await entry.load())(command);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`pymemlab demo | head`) ends the output quietly, as a Unix tool should.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await (await buildProgram(argv)).parseAsync(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`pymemlab: ${error.message}\n`);
      process.exitCode = error.code;
      return;
    }
    process.stderr.write(
      `pymemlab: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this as a bug.\n`,
    );
    process.exitCode = 70;
  }
}
