import type { DocKind, Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { dueOf, heldTierPolicy, type DueRequirement } from '../policy/compliance.js';
import { documentsOf, type DocumentStatus } from './store.js';

/** One document of one model: due now, declared, or both. */
export interface ModelDocument {
  model: Manifest<'Model'>;
  kind: DocKind;
  /** The requirement with its tier and severity, when the document is due at the model's stage. */
  due?: DueRequirement<'document'>;
  /** The path in `spec.documentation`, when declared. */
  declared?: string;
  /**
   * The declared file's status, from the run's shared document store. A document that is not
   * due is only checked for containment: its status is `outside` or absent, whatever its file holds.
   */
  status?: DocumentStatus;
  /** The finding severity: the requirement's when due, else the tier's enforcement. */
  severity: 'error' | 'warning';
}

/**
 * For every schema-valid model: each document due at its stage, then each declared document
 * that is not due, in policy then declaration order. Shared by the four documentation rules so
 * that they agree on what is due and how severe it is.
 */
export function modelDocuments(registry: Registry, asOf: string): readonly ModelDocument[] {
  let byDate = computed.get(registry);
  if (!byDate) computed.set(registry, (byDate = new Map()));
  let documents = byDate.get(asOf);
  if (!documents) byDate.set(asOf, (documents = listModelDocuments(registry, asOf)));
  return documents;
}

/** The four rules ask in turn: the list is worked out once per registry and date. */
const computed = new WeakMap<Registry, Map<string, readonly ModelDocument[]>>();

function listModelDocuments(registry: Registry, asOf: string): ModelDocument[] {
  const store = documentsOf(registry);
  const documents: ModelDocument[] = [];
  for (const model of registry.valid('Model')) {
    const declaredPaths = model.spec.documentation ?? {};
    const dues = new Map(dueOf(model, registry, asOf, 'document').map((due) => [due.requirement.doc, due]));
    const kinds = [...dues.keys(), ...(Object.keys(declaredPaths) as DocKind[]).filter((kind) => !dues.has(kind))];
    for (const kind of kinds) {
      const due = dues.get(kind);
      const declared = declaredPaths[kind];
      const status =
        declared === undefined ? undefined : due ? store.check(declared, kind, registry.policy) : store.outside(declared);
      documents.push({
        model,
        kind,
        severity: due ? due.severity : heldTierPolicy(model, registry).policy.enforcement,
        ...(due ? { due } : {}),
        ...(declared !== undefined ? { declared } : {}),
        ...(status ? { status } : {}),
      });
    }
  }
  return documents;
}
