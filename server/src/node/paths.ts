import { fileURLToPath, pathToFileURL } from 'node:url';

/** A file system path for a `file:` URI; other schemes (untitled:) keep their path part. */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  const colon = uri.indexOf(':');
  return colon >= 0 ? uri.slice(colon + 1) : uri;
}

export function pathToUri(path: string): string {
  return path.includes('://') ? path : pathToFileURL(path).href;
}
