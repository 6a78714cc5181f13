import { isIsoDate } from '../util/dates.js';

export const MODES = ['lint', 'render', 'check'] as const;
export type Mode = (typeof MODES)[number];

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  root: string;
  registry: string;
  mode: Mode;
  onlyChanged: boolean;
  comment: boolean;
  /** On pull requests, request review from the teams holding the roles a changed model still needs. */
  requestReviews: boolean;
  /** Workspace-relative SARIF path, or undefined for none. */
  sarif?: string;
  failOn: FailOn;
  /** Empty when the workflow passes none (a local run): the API features are then skipped. */
  githubToken: string;
  /** Undefined when not given: today for lint, the recorded date for `render --check`. */
  asOf?: string;
  /** Workspace-relative CODEOWNERS path (where GitHub reads it) whose block `render` and `check` keep, or undefined for none. */
  codeowners?: string;
}

/** A bad input value: the step fails with this one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** How the runner hands an input over (`core.getInput`), injected so this stays pure. */
export type GetInput = (name: string) => string;

/**
 * Reads and validates every input of action.yml. Empty values fall back to the defaults of
 * action.yml, so a `with:` that passes `''` behaves like one that passes nothing.
 */
export function readInputs(getInput: GetInput): ActionInputs {
  const text = (name: string, fallback: string) => getInput(name).trim() || fallback;
  const sarif = getInput('sarif').trim();
  const asOf = getInput('as-of').trim();
  const codeowners = getInput('codeowners').trim();
  if (asOf && !isIsoDate(asOf)) throw new InputError(`input "as-of" must be a date written YYYY-MM-DD, got "${asOf}"`);
  return {
    root: text('root', '.'),
    registry: text('registry', 'registry'),
    mode: oneOf('mode', text('mode', 'lint'), MODES),
    onlyChanged: booleanInput('only-changed', text('only-changed', 'true')),
    comment: booleanInput('comment', text('comment', 'true')),
    requestReviews: booleanInput('request-reviews', text('request-reviews', 'true')),
    ...(sarif ? { sarif } : {}),
    failOn: oneOf('fail-on', text('fail-on', 'error'), FAIL_ON),
    githubToken: getInput('github-token').trim(),
    ...(asOf ? { asOf } : {}),
    ...(codeowners ? { codeowners } : {}),
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input "${name}" must be one of ${allowed.join(', ')}, got "${value}"`);
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them, with a one-line error. */
function booleanInput(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false, got "${value}"`);
}
