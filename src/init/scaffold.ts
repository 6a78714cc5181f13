import { posix } from 'node:path';
import { KINDS, type Kind } from '../model/manifest.js';
import { DASHBOARD_END, DASHBOARD_START } from '../render/markers.js';
import { KIND_SCHEMAS, SHARED_SCHEMAS } from '../schema/schemas.js';
import { addDays } from '../util/dates.js';
import {
  EXAMPLE,
  INCIDENT_RESPONSE,
  MODEL_CARD,
  README_SECTION,
  modelManifest,
  policyManifest,
  projectManifest,
  readme,
  teamManifest,
  workflow,
} from './templates.js';

/** One file `init` creates, relative to the repository root, with `/` separators. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

export interface ScaffoldOptions {
  /** The registry folder, relative to the root. */
  registryDir: string;
  /** The date the example's approval and review carry. */
  asOf: string;
  /** The README's title when there is none yet. */
  title: string;
}

/**
 * The schemas are written into the repository, so the YAML language server validates and completes
 * manifests offline and always against the schema version this CLI checks.
 */
export const SCHEMA_DIR = '.ai-registry/schemas';

const KIND_FOLDERS: Record<Exclude<Kind, 'Policy'>, string> = {
  Team: 'teams',
  Project: 'projects',
  Model: 'models',
  Component: 'components',
  Waiver: 'waivers',
  Metrics: 'metrics',
};

/** Every file of a new registry (pure): the caller creates those that do not exist yet. */
export function scaffoldFiles(options: ScaffoldOptions): ScaffoldFile[] {
  const registry = posix.normalize(options.registryDir.replace(/\\/g, '/')).replace(/\/$/, '');
  const docs = `docs/models/${EXAMPLE.model}`;
  const documents = { modelCard: `${docs}/model-card.md`, incidentResponse: `${docs}/incident-response.md` };
  const dates = {
    ideated: addDays(options.asOf, -90),
    experimentStarted: addDays(options.asOf, -60),
    pilotStarted: addDays(options.asOf, -14),
    approved: addDays(options.asOf, -14),
    reviewed: options.asOf,
  };
  const manifest = (kind: Kind, path: string, content: string): ScaffoldFile => ({
    path,
    content: `# yaml-language-server: $schema=${posix.relative(posix.dirname(path), schemaPath(kind))}\n${content}`,
  });
  return [
    manifest('Policy', `${registry}/policy.yaml`, policyManifest()),
    manifest('Team', `${registry}/teams/${EXAMPLE.team}.yaml`, teamManifest()),
    manifest('Project', `${registry}/projects/${EXAMPLE.project}.yaml`, projectManifest()),
    manifest('Model', `${registry}/models/${EXAMPLE.model}.yaml`, modelManifest(dates, documents)),
    { path: documents.modelCard, content: MODEL_CARD },
    { path: documents.incidentResponse, content: INCIDENT_RESPONSE },
    { path: 'README.md', content: readme(options.title) },
    { path: '.github/workflows/ai-registry.yml', content: workflow(registry) },
    { path: '.vscode/settings.json', content: vscodeSettings(registry) },
    ...schemaFiles(),
  ];
}

/** Appends the dashboard section to an existing README; undefined when it already has a marker. */
export function withDashboardSection(existing: string): string | undefined {
  if (existing.includes(DASHBOARD_START) || existing.includes(DASHBOARD_END)) return undefined;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing === '' ? '' : existing.endsWith('\n') ? eol : `${eol}${eol}`;
  return `${existing}${separator}${README_SECTION.replace(/\n/g, eol)}`;
}

function schemaPath(kind: Kind): string {
  return `${SCHEMA_DIR}/${schemaFileName(KIND_SCHEMAS[kind])}`;
}

/** The file name the schemas refer to each other by (`common.schema.json`): the last part of `$id`. */
function schemaFileName(schema: object): string {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new Error('a bundled schema has no $id');
  return id.slice(id.lastIndexOf('/') + 1);
}

function schemaFiles(): ScaffoldFile[] {
  return [...SHARED_SCHEMAS, ...KINDS.map((kind) => KIND_SCHEMAS[kind])].map((schema) => ({
    path: `${SCHEMA_DIR}/${schemaFileName(schema)}`,
    content: `${JSON.stringify(schema, null, 2)}\n`,
  }));
}

/** Maps each kind's folder to its schema, so new manifests are checked as they are typed. */
function vscodeSettings(registry: string): string {
  const schemas: Record<string, string[]> = {};
  for (const kind of KINDS) {
    const globs = kind === 'Policy' ? [`${registry}/policy.yaml`, `${registry}/policy.yml`] : [`${registry}/${KIND_FOLDERS[kind]}/*.yaml`, `${registry}/${KIND_FOLDERS[kind]}/*.yml`];
    schemas[`./${schemaPath(kind)}`] = globs;
  }
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}
