// A pymemlab program with only the fidelity command, for cli.test.ts (bin/cli.ts wires it itself).
import { Command } from 'commander';
import { registerFidelityCommand } from '../../bin/fidelity-command';

const program = new Command('pymemlab');
registerFidelityCommand(program);
program.parse(process.argv);
