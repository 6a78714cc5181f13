import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { API_VERSION, KINDS, type Kind, type LocateTarget, type YamlPath } from '../model/manifest.js';
import { closest } from '../util/suggest.js';
import { shorten } from '../util/text.js';
import { loadValidators } from './validators.js';

/** A schema violation, named by path; the loader turns it into a positioned finding. */
export interface SchemaProblem {
  path: YamlPath;
  target: LocateTarget;
  message: string;
}

export interface SchemaResult {
  /** The kind named by the manifest, when it names a known one. */
  kind?: Kind;
  problems: SchemaProblem[];
}

let validators: Record<Kind, ValidateFunction> | undefined;

/** The validators, once per process, on first use. */
function getValidators(): Record<Kind, ValidateFunction> {
  return (validators ??= loadValidators());
}

/** Checks the envelope (apiVersion, kind), then the kind's JSON Schema: one problem per error. */
export function validateManifest(value: unknown): SchemaResult {
  if (!isPlainObject(value)) {
    return {
      problems: [{
        path: [],
        target: 'value',
        message: `a manifest must be a mapping with apiVersion, kind, metadata and spec, not ${describeValue(value)}`,
      }],
    };
  }
  const problems: SchemaProblem[] = [];
  if (!('apiVersion' in value)) {
    problems.push({ path: [], target: 'node', message: `missing apiVersion: add \`apiVersion: ${API_VERSION}\`` });
  } else if (value.apiVersion !== API_VERSION) {
    problems.push({ path: ['apiVersion'], target: 'value', message: `unknown apiVersion ${describeValue(value.apiVersion)}; expected ${API_VERSION}` });
  }
  let kind: Kind | undefined;
  if (!('kind' in value)) {
    problems.push({ path: [], target: 'node', message: `missing kind: one of ${KINDS.join(', ')}` });
  } else if (typeof value.kind === 'string' && (KINDS as readonly string[]).includes(value.kind)) {
    kind = value.kind as Kind;
  } else {
    const hint = typeof value.kind === 'string' ? closest(value.kind, KINDS) : undefined;
    problems.push({
      path: ['kind'],
      target: 'value',
      message: `unknown kind ${describeValue(value.kind)}; expected one of ${KINDS.join(', ')}${hint ? ` (did you mean ${hint}?)` : ''}`,
    });
  }
  if (problems.length > 0 || !kind) return { kind, problems };
  const validate = getValidators()[kind];
  if (validate(value)) return { kind, problems: [] };
  return { kind, problems: toProblems(validate.errors ?? []) };
}

/**
 * Ajv reports every failed branch of a `oneOf`/`anyOf`. A branch whose `type` does not match the
 * value is the branch not taken; when exactly one branch is left, its errors explain the
 * problem; otherwise the `oneOf` itself is reported, with the field's description.
 */
function toProblems(errors: readonly ErrorObject[]): SchemaProblem[] {
  const dropped = new Set<ErrorObject>();
  for (const choice of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const prefix = `${choice.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (e === choice || !e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(choice.instancePath)) continue;
      dropped.add(e);
      const branch = e.schemaPath.slice(prefix.length).split('/', 1)[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const meant = [...branches.values()].filter(
      (list) => !list.some((e) => e.keyword === 'type' && e.instancePath === choice.instancePath),
    );
    if (meant.length === 1) {
      dropped.add(choice);
      meant[0]!.forEach((e) => dropped.delete(e));
    }
  }
  // A value of the wrong type also fails its enum or pattern: the type error says it all.
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type' && !dropped.has(e)).map((e) => e.instancePath));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (dropped.has(error) || error.keyword === 'if') continue;
    if (error.keyword !== 'type' && mistyped.has(error.instancePath) && error.keyword !== 'required' && error.keyword !== 'additionalProperties') continue;
    const problem = toProblem(error);
    const key = `${problem.path.join('\u0000')}\u0001${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const where = displayPath(path);
  const schema = (error.parentSchema ?? {}) as { description?: string; enum?: unknown[] };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { path, target: 'node', message: `${where || 'the manifest'}: missing required field \`${missing}\`${describeField(error, missing)}` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = closest(extra, allowed);
      return {
        path: [...path, extra],
        target: 'key',
        message: `${where ? `${where}: ` : ''}unknown field \`${shorten(extra)}\`${nonAsciiHint(extra)}${hint ? ` (did you mean \`${hint}\`?)` : ''}; allowed: ${allowed.join(', ') || 'none'}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? schema.enum ?? [];
      const hint = typeof error.data === 'string' ? closest(error.data, allowed.map(String)) : undefined;
      return {
        path,
        target: 'value',
        message: `${where}: ${describeValue(error.data)} is not allowed${hint ? ` (did you mean ${hint}?)` : ''}; allowed: ${allowed.map(String).join(', ')}`,
      };
    }
    case 'const':
      return { path, target: 'value', message: `${where}: must be ${describeValue(params.allowedValue)}, not ${describeValue(error.data)}` };
    case 'type':
      return { path, target: 'value', message: `${where}: must be ${article(String(params.type))}, not ${describeValue(error.data)}` };
    case 'format':
      return { path, target: 'value', message: `${where}: ${describeValue(error.data)} is not a valid ${formatName(String(params.format))}` };
    case 'pattern':
      return { path, target: 'value', message: `${where}: ${describeValue(error.data)} is not valid${typeof error.data === 'string' ? nonAsciiHint(error.data) : ''}${schema.description ? ` — ${schema.description}` : ` (pattern ${String(params.pattern)})`}` };
    case 'minLength':
      return { path, target: 'value', message: `${where}: must be at least ${String(params.limit)} characters, not ${typeof error.data === 'string' ? error.data.length : 0}` };
    case 'maxLength':
      return { path, target: 'value', message: `${where}: must be at most ${String(params.limit)} characters, not ${typeof error.data === 'string' ? error.data.length : 0}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, target: 'value', message: `${where}: must be ${String(params.comparison)} ${String(params.limit)}, not ${describeValue(error.data)}` };
    case 'uniqueItems':
      return { path: [...path, Number(params.j)], target: 'value', message: `${where}: items ${String(params.i)} and ${String(params.j)} are the same; list each once` };
    case 'minItems':
      return { path, target: 'node', message: `${where}: must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'oneOf':
    case 'anyOf':
      return { path, target: 'value', message: `${where}: ${describeValue(error.data)} is not valid${schema.description ? ` — ${schema.description}` : ''}` };
    default:
      return { path, target: 'value', message: `${where}: ${error.message ?? 'is not valid'}` };
  }
}

/** For a missing field, its description from the schema, so the message says what to put there. */
function describeField(error: ErrorObject, field: string): string {
  const properties = (error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  const description = properties?.[field]?.description;
  return description ? ` (${description.replace(/\.$/, '')})` : '';
}

function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `spec.approvals[0].role`: how people write paths. */
export function displayPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  return String(value);
}

/**
 * Why text that looks right is refused: its first character outside printable ASCII, such as a
 * Cyrillic `а` in a name that reads `ml-platform`, or an invisible byte-order mark in a key.
 */
function nonAsciiHint(text: string): string {
  const match = /[^\x20-\x7e]/u.exec(text);
  if (!match) return '';
  const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(match[0])
    ? ` (it contains "${match[0]}", ${code}, which is not ASCII)`
    : ` (it contains the invisible character ${code})`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping', array: 'a list', string: 'a string', integer: 'a whole number', number: 'a number',
    boolean: 'true or false', null: 'empty',
  };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}

function formatName(format: string): string {
  const names: Record<string, string> = { date: 'date (YYYY-MM-DD)', email: 'email address', uri: 'URL' };
  return names[format] ?? format;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
