declare const __VERSION__: string | undefined;

/** The package version, inlined by the bundler (scripts/build.mjs); `dev` when run from source. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
