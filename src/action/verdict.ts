import type { Summary } from '../engine.js';
import { plural } from '../report/format.js';
import type { FailOn } from './inputs.js';

/** Why the step fails under `fail-on`, or undefined when it passes. */
export function findingsFailure(summary: Summary, failOn: FailOn): string | undefined {
  const { errors, warnings } = summary;
  if (failOn === 'never') return undefined;
  if (errors > 0 && failOn === 'error') return `ai-registry: ${plural(errors, 'error')} (fail-on: error)`;
  if (errors + warnings > 0 && failOn === 'warning') {
    const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean);
    return `ai-registry: ${counts.join(' and ')} (fail-on: warning)`;
  }
  return undefined;
}
