#!/usr/bin/env node
// The language server for any LSP client: `hcpcs-language-server --stdio`.
require('../dist/server/server.js');
