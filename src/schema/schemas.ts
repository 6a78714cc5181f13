import common from '../../schemas/common.schema.json' with { type: 'json' };
import component from '../../schemas/component.schema.json' with { type: 'json' };
import metrics from '../../schemas/metrics.schema.json' with { type: 'json' };
import model from '../../schemas/model.schema.json' with { type: 'json' };
import policy from '../../schemas/policy.schema.json' with { type: 'json' };
import project from '../../schemas/project.schema.json' with { type: 'json' };
import team from '../../schemas/team.schema.json' with { type: 'json' };
import waiver from '../../schemas/waiver.schema.json' with { type: 'json' };
import type { Kind } from '../model/manifest.js';

/** The JSON Schemas, bundled into the build so the Action needs no files beside it. */
export const KIND_SCHEMAS: Record<Kind, object> = {
  Team: team,
  Project: project,
  Model: model,
  Component: component,
  Waiver: waiver,
  Metrics: metrics,
  Policy: policy,
};

export const SHARED_SCHEMAS: readonly object[] = [common];
