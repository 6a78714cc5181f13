import approvalMissing from './approval-missing.js';
import approvalUnverified from './approval-unverified.js';
import docMissing from './doc-missing.js';
import docOutsideRepo from './doc-outside-repo.js';
import docPlaceholder from './doc-placeholder.js';
import docSectionMissing from './doc-section-missing.js';
import duplicateName from './duplicate-name.js';
import fileInvalid from './file-invalid.js';
import incidentContactMissing from './incident-contact-missing.js';
import invisibleCharacter from './invisible-character.js';
import lifecycleDates from './lifecycle-dates.js';
import monitoringMissing from './monitoring-missing.js';
import nameMismatch from './name-mismatch.js';
import policyMisplaced from './policy-misplaced.js';
import prohibitedPractice from './prohibited-practice.js';
import reviewOverdue from './review-overdue.js';
import type { Rule } from './rule.js';
import schema from './schema.js';
import sponsorMissing from './sponsor-missing.js';
import staleExperiment from './stale-experiment.js';
import tierUnderdeclared from './tier-underdeclared.js';
import unknownReference from './unknown-reference.js';
import waiverExpired from './waiver-expired.js';
import waiverInvalid from './waiver-invalid.js';
import yamlSyntax from './yaml-syntax.js';

/** Every rule, sorted by id. A test checks the order, the docs and a test file per rule. */
export const RULES: readonly Rule[] = [
  approvalMissing,
  approvalUnverified,
  docMissing,
  docOutsideRepo,
  docPlaceholder,
  docSectionMissing,
  duplicateName,
  fileInvalid,
  incidentContactMissing,
  invisibleCharacter,
  lifecycleDates,
  monitoringMissing,
  nameMismatch,
  policyMisplaced,
  prohibitedPractice,
  reviewOverdue,
  schema,
  sponsorMissing,
  staleExperiment,
  tierUnderdeclared,
  unknownReference,
  waiverExpired,
  waiverInvalid,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
