import { ConfigError } from '../load/registry.js';
import { VERSION } from '../version.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { lintCommand } from './lint.js';
import { renderCommand } from './render.js';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  lint: { run: lintCommand, summary: 'validate the registry and check every tier requirement' },
  render: { run: renderCommand, summary: 'write the dashboard into the README and the inventory file' },
  explain: { run: explainCommand, summary: "print a model's tier, its reasons and its requirement checklist" },
  init: { run: initCommand, summary: 'scaffold a registry: policy, team, project, model, docs, workflow' },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `Usage: ai-registry <command> [options]

Governance-as-code for an AI Center of Excellence.

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`ai-registry <command> --help\` for a command's options.
`;
}

/** argv (without node and the script) → exit code. User mistakes print one line, never a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) return COMMANDS[topic].run(['--help'], io);
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`ai-registry: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (see \`ai-registry --help\`)\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ai-registry ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr(`ai-registry ${name}: ${error.message}\n`);
      for (const f of error.findings) io.stderr(`  ${f.file}:${f.line}:${f.column}  ${f.message}  ${f.ruleId}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
