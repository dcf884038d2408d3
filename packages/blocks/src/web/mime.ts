/** The few MIME types files in agents commonly have, by extension; anything else is `application/octet-stream`. */
const mimeByExtension: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  pdf: 'application/pdf',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

const extensionByMime: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(mimeByExtension)
    .reverse()
    .map(([extension, mime]) => [mime, extension]),
);

const DEFAULT_MIME = 'application/octet-stream';

export function mimeFromName(name: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return (extension && mimeByExtension[extension]) || DEFAULT_MIME;
}

/** The extension (with its dot) for a MIME type, or "" when unknown. */
export function extensionFromMime(mime: string): string {
  const extension = extensionByMime[mime.toLowerCase()];
  return extension ? `.${extension}` : '';
}
