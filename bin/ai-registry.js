#!/usr/bin/env node
// The committed, self-contained bundle: works in a clone without a build step.
import '../dist/cli.js';
