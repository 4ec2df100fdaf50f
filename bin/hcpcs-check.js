#!/usr/bin/env node
// The batch claim checker: `hcpcs-check <files or globs...>` (see README).
require('../dist/server/cli.js');
