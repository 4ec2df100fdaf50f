/**
 * zod 4 compiles a parser for each object schema with `new Function` the first time it parses (its "JIT"). A
 * start parses each table header, manifest and guide once, so each such parser is generated, compiled by V8
 * from source (code made by `new Function` is not in the bundle's code cache: node/startWithCodeCache.ts) and run
 * once, cold: slower than zod's plain interpreted path. The server's entry imports this module first, before any
 * module that makes a schema (zod reads the setting when a schema is made). Results are the same either way; a
 * test checks that the bundle's schemas are made after it.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark).
 */
import { config } from 'zod';

config({ jitless: true });
