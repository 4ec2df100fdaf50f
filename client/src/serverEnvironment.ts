/**
 * What the extension changes in the environment the language server starts with: NODE_EXTRA_CA_CERTS unset. Node
 * reads that file of extra TLS certificates (set by many company machines for their proxies) before any JavaScript
 * runs: 55 to 60 ms of every server start where it is set (a bare `node -e ''` takes 80 ms instead of 20 on this
 * project's CI machines), and the server never opens a connection (it sends nothing over the network).
 *
 * A variable set to `undefined` here is left out when Node starts the child process (vscode-languageclient lays
 * these over the extension host's own environment).
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (bench/coldStart.ts; the bench starts
 * the server with the same environment).
 */
export function serverEnvironment(): Record<string, string | undefined> {
  return { NODE_EXTRA_CA_CERTS: undefined };
}
