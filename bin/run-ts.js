#!/usr/bin/env node
// Runs a TypeScript entry point of the project through tsx, without a build step.
import { register } from 'tsx/esm/api';

register();
const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
await import(new URL(`../${entry}`, import.meta.url).href);
