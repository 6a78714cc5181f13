/**
 * Framework citations for every lint rule, document kind, approval role and the tier-3
 * derivation. Shown by `explain`, in SARIF rule help and in the README's rule table.
 *
 * Verification notes (see the one-line comment above each constant for its source):
 * - EU AI Act: numbering is the OJ-published Regulation (EU) 2024/1689 (serious incidents are
 *   Art. 73, post-market monitoring Art. 72 — not the draft Arts. 61/62).
 * - NIST AI RMF 1.0: subcategory statements checked against the AI RMF Playbook text.
 * - ISO/IEC 42001:2023: paid standard; control numbers and short titles are taken from public
 *   enumerations of the 38 Annex A controls and the Harmonized Structure clause text.
 * - OMB M-25-21: the operative text is the memorandum's *Appendix*. OMB itself writes
 *   "Section 4(b)(i) of the appendix to OMB Memorandum M-25-21"; `ref` below drops the
 *   "of the appendix" as practitioners do. Headings of §4(b)(ii)-(vii) are from OMB's own 2025
 *   inventory data dictionary; §4(b)(i)'s heading from two crosswalks that quote the memo.
 *
 * Deliberately NOT cited (could not be verified to the clause, so left out rather than guessed):
 * - OMB M-25-21 AI use case inventory section (reported by secondary sources as §3(b)(v), never
 *   seen in OMB's own text) — inventory rules cite NIST GOVERN 1.6 only.
 * - OMB M-25-21 list of purposes presumed high-impact (its sub-section number was not found).
 * - An ISO/IEC 42001 Annex A control for human oversight (none identified with confidence).
 * - ISO/IEC 42001 6.1.3 residual-risk acceptance wording (not verified) — waivers cite NIST/OMB.
 */
import type { Citation } from '../model/citation.js';

const EU_URL = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';
const NIST_URL = 'https://doi.org/10.6028/NIST.AI.100-1';
const ISO_URL = 'https://www.iso.org/standard/81230.html';
// URL as given in OMB's own footnote (ombegov/2025-Federal-Agency-AI-Use-Case-Inventory, Reporting Instructions).
const OMB_URL =
  'https://www.whitehouse.gov/wp-content/uploads/2025/02/M-25-21-Accelerating-Federal-Use-of-AI-through-Innovation-Governance-and-Public-Trust.pdf';

// ───────────────────────────── EU AI Act (Regulation (EU) 2024/1689) ─────────────────────────────

// Verified: Art. 5(1)(a)-(h) list (notraced.com AI Act scanner; complianceforge-ai.com/act/article/5).
export const EU_AI_ACT_ART_5_1: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 5(1)',
  title: 'Prohibited AI practices',
  url: EU_URL,
};

// Verified: Art. 6(2) text "AI systems referred to in Annex III shall be considered to be high-risk" (aiact.algolia.com/article-6; ai-agentree Art. 6 guide).
export const EU_AI_ACT_ART_6_2: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 6(2)',
  title: 'Classification rules for high-risk AI systems',
  url: EU_URL,
};

// Verified: Annex III title (compliance_hub frameworks registry, checked against EUR-Lex; ai-agentree Annex III guide).
export const EU_AI_ACT_ANNEX_III: Citation = {
  framework: 'EU AI Act',
  ref: 'Annex III',
  title: 'High-risk AI systems referred to in Article 6(2)',
  url: EU_URL,
};

// Verified: Art. 9 title and paragraphs (aiexponent.com/docs/riskforge quoting Art. 9(1)-(2); ai-act-law.eu chapter 3 index).
export const EU_AI_ACT_ART_9: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 9',
  title: 'Risk management system',
  url: EU_URL,
};

// Verified: Art. 9(2) "continuous iterative process … requiring regular systematic review and updating" (aiexponent.com; fontvera.eu).
export const EU_AI_ACT_ART_9_2: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 9(2)',
  title: 'Risk management system — regular systematic review and updating',
  url: EU_URL,
};

// Verified: Art. 10 title (ai-act-law.eu chapter 3 index; artificialintelligenceact.eu table of contents).
export const EU_AI_ACT_ART_10: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 10',
  title: 'Data and data governance',
  url: EU_URL,
};

// Verified: Art. 11(1) drawn up before placing on the market, kept up to date, Annex IV minimum (mmoww.net Art. 11; aicomply.dev; sorena.io).
export const EU_AI_ACT_ART_11_1: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 11(1)',
  title: 'Technical documentation',
  url: EU_URL,
};

// Verified: Annex IV title (compliance_hub frameworks registry; aiattest.io Art. 11 page).
export const EU_AI_ACT_ANNEX_IV: Citation = {
  framework: 'EU AI Act',
  ref: 'Annex IV',
  title: 'Technical documentation referred to in Article 11(1)',
  url: EU_URL,
};

// Verified: Art. 14 title (ai-act-law.eu chapter 3 index).
export const EU_AI_ACT_ART_14: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 14',
  title: 'Human oversight',
  url: EU_URL,
};

// Verified: Art. 26(2) "assign human oversight to natural persons who have the necessary competence, training and authority" (overview.legal/laws/ai-act/art-26; whisperly.ai OJ text).
export const EU_AI_ACT_ART_26_2: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 26(2)',
  title: 'Obligations of deployers of high-risk AI systems — assign human oversight',
  url: EU_URL,
};

// Verified: Art. 26(5) "monitor the operation … inform providers in accordance with Article 72 … serious incident" (overview.legal; whisperly.ai OJ text).
export const EU_AI_ACT_ART_26_5: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 26(5)',
  title: 'Obligations of deployers of high-risk AI systems — monitor operation, report incidents',
  url: EU_URL,
};

// Verified: Art. 27 title (ai-act-law.eu chapter 3 index; compliance_hub registry); para. 1 is the pre-deployment duty.
export const EU_AI_ACT_ART_27_1: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 27(1)',
  title: 'Fundamental rights impact assessment for high-risk AI systems',
  url: EU_URL,
};

// Verified: Art. 72(1)-(2) post-market monitoring system (cyberday.ai; digitalhorizon.hannessnellman.com OJ text).
export const EU_AI_ACT_ART_72: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 72',
  title: 'Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems',
  url: EU_URL,
};

// Verified: Art. 72(3) "based on a post-market monitoring plan … part of the technical documentation referred to in Annex IV" (cyberday.ai; hannessnellman.com).
export const EU_AI_ACT_ART_72_3: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 72(3)',
  title: 'Post-market monitoring plan',
  url: EU_URL,
};

// Verified: Art. 73(1) "shall report any serious incident to the market surveillance authorities" (lexelerate.ai Art. 73; trusq.io).
export const EU_AI_ACT_ART_73_1: Citation = {
  framework: 'EU AI Act',
  ref: 'Art. 73(1)',
  title: 'Reporting of serious incidents',
  url: EU_URL,
};

// ───────────────────────────── NIST AI RMF 1.0 (NIST AI 100-1) ─────────────────────────────

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus; NIST Playbook text mirrored in bnodnarb/AIRMF).
export const NIST_GOVERN_1_1: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 1.1',
  title: 'Legal and regulatory requirements involving AI are understood, managed, and documented',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_GOVERN_1_3: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 1.3',
  title: 'Level of risk management activities is determined by the organization’s risk tolerance',
  url: NIST_URL,
};

// Verified: bnodnarb/AIRMF _posts/govern/04-01-04 (Playbook GOVERN 1.4, documentation policies, cites Model Cards/Datasheets).
export const NIST_GOVERN_1_4: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 1.4',
  title: 'Risk management process and outcomes established through transparent policies, procedures, and controls',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus; several crosswalks).
export const NIST_GOVERN_1_5: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 1.5',
  title: 'Ongoing monitoring and periodic review of the risk management process are planned',
  url: NIST_URL,
};

// Verified: bnodnarb/AIRMF _posts/govern/04-01-06 (Playbook GOVERN 1.6).
export const NIST_GOVERN_1_6: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 1.6',
  title: 'Mechanisms are in place to inventory AI systems',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_GOVERN_1_7: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 1.7',
  title: 'Processes are in place for decommissioning and phasing out AI systems safely',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_GOVERN_2_1: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 2.1',
  title: 'Roles, responsibilities and lines of communication for AI risks are documented and clear',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_GOVERN_2_3: Citation = {
  framework: 'NIST AI RMF',
  ref: 'GOVERN 2.3',
  title: 'Executive leadership takes responsibility for decisions about AI risks',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_MAP_2_2: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MAP 2.2',
  title: 'Knowledge limits and how output may be utilized and overseen by humans are documented',
  url: NIST_URL,
};

// Verified: bnodnarb/AIRMF _posts/map/01-03-05 (Playbook MAP 3.5).
export const NIST_MAP_3_5: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MAP 3.5',
  title: 'Processes for human oversight are defined, assessed, and documented',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_MAP_5_1: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MAP 5.1',
  title: 'Likelihood and magnitude of each identified impact are identified and documented',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_MEASURE_1_3: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MEASURE 1.3',
  title: 'Internal experts not involved in front-line development and/or independent assessors are involved in assessments',
  url: NIST_URL,
};

// Verified: bnodnarb/AIRMF _posts/measure/02-02-04 (Playbook MEASURE 2.4).
export const NIST_MEASURE_2_4: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MEASURE 2.4',
  title: 'Functionality and behavior of the AI system are monitored when in production',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_MEASURE_2_10: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MEASURE 2.10',
  title: 'Privacy risk of the AI system is examined and documented',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_MANAGE_1_1: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MANAGE 1.1',
  title: 'A determination is made whether development or deployment should proceed',
  url: NIST_URL,
};

// Verified: subcategory statement incl. "mitigating, transferring, avoiding, or accepting" (AI RMF 1.0 seed list, code corpus).
export const NIST_MANAGE_1_3: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MANAGE 1.3',
  title: 'Responses to high-priority AI risks are developed, planned, and documented',
  url: NIST_URL,
};

// Verified: subcategory statement (AI RMF 1.0 seed list, code corpus).
export const NIST_MANAGE_1_4: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MANAGE 1.4',
  title: 'Negative residual risks are documented',
  url: NIST_URL,
};

// Verified: bnodnarb/AIRMF _posts/manage/03-04-01 (Playbook MANAGE 4.1).
export const NIST_MANAGE_4_1: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MANAGE 4.1',
  title: 'Post-deployment AI system monitoring plans are implemented',
  url: NIST_URL,
};

// Verified: bnodnarb/AIRMF _posts/manage/03-04-03 (Playbook MANAGE 4.3).
export const NIST_MANAGE_4_3: Citation = {
  framework: 'NIST AI RMF',
  ref: 'MANAGE 4.3',
  title: 'Incidents and errors are communicated; tracking, response and recovery are documented',
  url: NIST_URL,
};

// ───────────────────────────── ISO/IEC 42001:2023 ─────────────────────────────

// Verified: Harmonized Structure clause 7.5.2 "review and approval for suitability and adequacy" (enable-iso.com; isomanaged.com ISO 42001 7.5).
export const ISO_42001_7_5_2: Citation = {
  framework: 'ISO/IEC 42001',
  ref: '7.5.2',
  title: 'Creating and updating documented information',
  url: ISO_URL,
};

// Verified: clause 7.5.3 "available and suitable for use … adequately protected" (enable-iso.com; iso-docs.com ISO 42001 7.5.3).
export const ISO_42001_7_5_3: Citation = {
  framework: 'ISO/IEC 42001',
  ref: '7.5.3',
  title: 'Control of documented information',
  url: ISO_URL,
};

// Verified: clause 8.2 verbatim "perform AI risk assessments at planned intervals or when significant changes are proposed or occur" (learn.daydream.ai; watchdogsecurity.io).
export const ISO_42001_8_2: Citation = {
  framework: 'ISO/IEC 42001',
  ref: '8.2',
  title: 'AI risk assessment',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry, 38 controls, code corpus).
export const ISO_42001_A_3_2: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.3.2',
  title: 'AI roles and responsibilities',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry).
export const ISO_42001_A_5_2: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.5.2',
  title: 'AI system impact assessment process',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry).
export const ISO_42001_A_5_3: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.5.3',
  title: 'Documentation of AI system impact assessments',
  url: ISO_URL,
};

// Verified: control statement "document a deployment plan and ensure that appropriate requirements are met prior to deployment" (controlstack.au A.6.2.5; watchdogsecurity.io).
export const ISO_42001_A_6_2_5: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.6.2.5',
  title: 'AI system deployment',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry; NIST↔ISO and Guardian mapping tables, code corpus).
export const ISO_42001_A_6_2_6: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.6.2.6',
  title: 'AI system operation and monitoring',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry; agent-governance ISO 42001 mapping table, code corpus).
export const ISO_42001_A_6_2_7: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.6.2.7',
  title: 'AI system technical documentation',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry).
export const ISO_42001_A_7_2: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.7.2',
  title: 'Data for development and enhancement of AI system',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry).
export const ISO_42001_A_7_5: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.7.5',
  title: 'Data provenance',
  url: ISO_URL,
};

// Verified: Annex A enumeration (compliance_hub frameworks registry).
export const ISO_42001_A_8_4: Citation = {
  framework: 'ISO/IEC 42001',
  ref: 'A.8.4',
  title: 'Communication of incidents',
  url: ISO_URL,
};

// ───────────────────────────── OMB M-25-21 (Appendix) ─────────────────────────────

// Verified: OMB guidance "minimum risk management practices in Section 4(b) of the appendix" (ombegov/2025-Federal-Agency-AI-Use-Case-Inventory, Reporting Instructions).
export const OMB_M_25_21_HIGH_IMPACT_PRACTICES: Citation = {
  framework: 'OMB M-25-21',
  ref: '§4(b)',
  title: 'Minimum risk management practices for high-impact AI',
  url: OMB_URL,
};

// Verified: number from OMB data dictionary ("consistent with Section 4(b)(i)"); heading quoted by two memo crosswalks (evidentia MinimumPractice; reglens M25-21 crosswalk).
export const OMB_M_25_21_PRE_DEPLOYMENT_TESTING: Citation = {
  framework: 'OMB M-25-21',
  ref: '§4(b)(i)',
  title: 'Conduct Pre-Deployment Testing',
  url: OMB_URL,
};

// Verified: OMB data dictionary (hi_assessment_completed "Section 4(b)(ii)"; independent review listed as its sub-practice).
export const OMB_M_25_21_IMPACT_ASSESSMENT: Citation = {
  framework: 'OMB M-25-21',
  ref: '§4(b)(ii)',
  title: 'Complete AI Impact Assessment',
  url: OMB_URL,
};

// Verified: OMB data dictionary (hi_ongoing_monitoring "Section 4(b)(iii)", practice heading verbatim).
export const OMB_M_25_21_ONGOING_MONITORING: Citation = {
  framework: 'OMB M-25-21',
  ref: '§4(b)(iii)',
  title: 'Conduct Ongoing Monitoring for Performance and Potential Adverse Impacts',
  url: OMB_URL,
};

// Verified: OMB data dictionary (hi_failsafe_presence "Section 4(b)(v)", practice heading verbatim).
export const OMB_M_25_21_HUMAN_OVERSIGHT: Citation = {
  framework: 'OMB M-25-21',
  ref: '§4(b)(v)',
  title: 'Provide Additional Human Oversight, Intervention, and Accountability',
  url: OMB_URL,
};

// Verified: OMB guidance "waivers granted under Section 4(a)(ii) of the appendix" (Reporting Instructions §2). Heading wording not seen: title is descriptive.
export const OMB_M_25_21_WAIVERS: Citation = {
  framework: 'OMB M-25-21',
  ref: '§4(a)(ii)',
  title: 'CAIO waivers of minimum practices (written, risk-based determination)',
  url: OMB_URL,
};

// Verified: OMB data dictionary "high-impact, as defined in Section 5 of the appendix". Heading wording not seen: title is descriptive.
export const OMB_M_25_21_HIGH_IMPACT_DEFINITION: Citation = {
  framework: 'OMB M-25-21',
  ref: '§5',
  title: 'Definition of high-impact AI',
  url: OMB_URL,
};

// ───────────────────────────── Mappings ─────────────────────────────

type DocKind =
  | 'modelCard'
  | 'dataSheet'
  | 'riskAssessment'
  | 'impactAssessment'
  | 'humanOversight'
  | 'incidentResponse'
  | 'monitoringPlan';

/** Tier 3 = EU AI Act high-risk (Art. 6(2), Annex III) and OMB M-25-21 high-impact AI. */
export const TIER3_CITATIONS: readonly Citation[] = [
  EU_AI_ACT_ART_6_2,
  EU_AI_ACT_ANNEX_III,
  OMB_M_25_21_HIGH_IMPACT_DEFINITION,
  OMB_M_25_21_HIGH_IMPACT_PRACTICES,
  NIST_GOVERN_1_3,
  ISO_42001_A_5_2,
];

/** Monitoring requirement (`metrics` + `alertContact`). */
export const MONITORING_CITATIONS: readonly Citation[] = [
  EU_AI_ACT_ART_72,
  EU_AI_ACT_ART_26_5,
  NIST_MEASURE_2_4,
  NIST_MANAGE_4_1,
  ISO_42001_A_6_2_6,
  OMB_M_25_21_ONGOING_MONITORING,
];

/** Periodic governance review (`review.lastReviewed` within the tier's interval). */
export const REVIEW_CITATIONS: readonly Citation[] = [
  EU_AI_ACT_ART_9_2,
  NIST_GOVERN_1_5,
  ISO_42001_8_2,
  // Periodic update of the impact assessment: from a secondary summary of §4(b)(ii), not OMB's own text.
  OMB_M_25_21_IMPACT_ASSESSMENT,
];

/** Incident response and `spec.incidentContact`. */
export const INCIDENT_CITATIONS: readonly Citation[] = [
  EU_AI_ACT_ART_73_1,
  EU_AI_ACT_ART_26_5,
  NIST_MANAGE_4_3,
  ISO_42001_A_8_4,
];

/** Per required document kind. */
export const DOC_CITATIONS: Record<DocKind, readonly Citation[]> = {
  modelCard: [EU_AI_ACT_ART_11_1, NIST_MAP_2_2, ISO_42001_A_6_2_7, OMB_M_25_21_PRE_DEPLOYMENT_TESTING],
  dataSheet: [EU_AI_ACT_ART_10, NIST_MEASURE_2_10, ISO_42001_A_7_2, ISO_42001_A_7_5],
  riskAssessment: [EU_AI_ACT_ART_9, NIST_MANAGE_1_3, NIST_MANAGE_1_4, ISO_42001_8_2],
  impactAssessment: [EU_AI_ACT_ART_27_1, NIST_MAP_5_1, ISO_42001_A_5_3, OMB_M_25_21_IMPACT_ASSESSMENT],
  humanOversight: [EU_AI_ACT_ART_14, EU_AI_ACT_ART_26_2, NIST_MAP_3_5, OMB_M_25_21_HUMAN_OVERSIGHT],
  incidentResponse: [EU_AI_ACT_ART_73_1, NIST_MANAGE_4_3, ISO_42001_A_8_4, OMB_M_25_21_HUMAN_OVERSIGHT],
  monitoringPlan: [EU_AI_ACT_ART_72_3, NIST_MANAGE_4_1, ISO_42001_A_6_2_6, OMB_M_25_21_ONGOING_MONITORING],
};

/** Per approval role. Unknown roles (policy may add more) have no citation. */
export const ROLE_CITATIONS: Record<string, readonly Citation[]> = {
  'ai-coe': [NIST_GOVERN_2_1, ISO_42001_A_3_2],
  // Independent review by someone outside the development team (OMB lists it inside §4(b)(ii)).
  'ai-ethics-lead': [NIST_MEASURE_1_3, ISO_42001_A_5_2, OMB_M_25_21_IMPACT_ASSESSMENT],
  'risk-compliance': [NIST_GOVERN_1_1, NIST_MEASURE_1_3, ISO_42001_A_3_2, OMB_M_25_21_IMPACT_ASSESSMENT],
};

/** Per rule id (§4 of the spec). */
export const RULE_CITATIONS = {
  'yaml-syntax': [NIST_GOVERN_1_6],
  'file-invalid': [NIST_GOVERN_1_6],
  schema: [NIST_GOVERN_1_6],
  'name-mismatch': [NIST_GOVERN_1_6],
  'duplicate-name': [NIST_GOVERN_1_6],
  'unknown-reference': [NIST_GOVERN_1_6, NIST_GOVERN_2_1],
  'tier-underdeclared': [EU_AI_ACT_ART_6_2, NIST_GOVERN_1_3, ISO_42001_A_5_2, OMB_M_25_21_HIGH_IMPACT_DEFINITION],
  'prohibited-practice': [EU_AI_ACT_ART_5_1, NIST_GOVERN_1_1, NIST_MANAGE_1_1],
  'policy-misplaced': [NIST_GOVERN_1_4, ISO_42001_7_5_3],
  'doc-missing': [EU_AI_ACT_ART_11_1, NIST_GOVERN_1_4, ISO_42001_A_6_2_7],
  'doc-outside-repo': [ISO_42001_7_5_3],
  'doc-section-missing': [EU_AI_ACT_ANNEX_IV, NIST_GOVERN_1_4, ISO_42001_A_6_2_7],
  'doc-placeholder': [EU_AI_ACT_ART_11_1, NIST_GOVERN_1_4, ISO_42001_7_5_2],
  'approval-missing': [NIST_MANAGE_1_1, NIST_MEASURE_1_3, ISO_42001_A_6_2_5, OMB_M_25_21_IMPACT_ASSESSMENT],
  'approval-unverified': [NIST_GOVERN_2_1, NIST_MEASURE_1_3, ISO_42001_A_3_2, OMB_M_25_21_IMPACT_ASSESSMENT],
  'review-overdue': REVIEW_CITATIONS,
  'monitoring-missing': [EU_AI_ACT_ART_72, NIST_MEASURE_2_4, ISO_42001_A_6_2_6, OMB_M_25_21_ONGOING_MONITORING],
  'lifecycle-dates': [NIST_GOVERN_1_6, NIST_GOVERN_1_7],
  'waiver-expired': [NIST_MANAGE_1_3, OMB_M_25_21_WAIVERS],
  'waiver-invalid': [NIST_MANAGE_1_3, OMB_M_25_21_WAIVERS],
  'incident-contact-missing': [EU_AI_ACT_ART_73_1, NIST_MANAGE_4_3, ISO_42001_A_8_4],
  // An inventory whose names and owners can be made to read as others' cannot be trusted; text kept free of hidden manipulation is documented information protected from loss of integrity.
  'invisible-character': [NIST_GOVERN_1_6, ISO_42001_7_5_3],
  'sponsor-missing': [NIST_GOVERN_2_3],
  'stale-experiment': [NIST_MANAGE_1_1, NIST_GOVERN_1_7],
} as const satisfies Record<string, readonly Citation[]>;
