/** The README markers between which the generated inputs/outputs tables live. */
export declare const ACTION_INPUTS_MARKERS: { readonly start: string; readonly end: string };
/** The inputs and outputs tables (markdown, without the markers) for the text of action.yml. */
export declare function actionInputsTable(actionYml: string): string;
/** The README section scripts/readme.mjs splices: name `action-inputs`, rendered from action.yml. */
export declare function actionInputsSection(actionYmlPath?: string | URL): { name: string; render: () => string };
