import fc from 'fast-check';

// `FUZZ_SEED=<seed> npm test -- <file>` replays the run a failing property test printed.
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
